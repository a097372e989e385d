package com.langomni.deploy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubectlTest {

    @Test
    void aMissingKubectlSaysWhichOneToInstall(@TempDir Path dir) {
        Kubectl absent = new Kubectl(dir.resolve("no-such-kubectl").toString());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> absent.kustomize(dir));

        assertTrue(e.getMessage().contains("install kubectl 1.21 or later"), e.getMessage());
    }

    @Test
    void aKubectlTooOldForTheFieldsSaysWhichOneToInstall(@TempDir Path dir) throws IOException {
        Path old = dir.resolve("kubectl");
        Files.writeString(old, "#!/bin/sh\necho 'Error: json: unknown field \"envs\"' >&2\nexit 1\n");
        assertTrue(old.toFile().setExecutable(true));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Kubectl(old.toString()).kustomize(dir));

        assertTrue(e.getMessage().contains("unknown field \"envs\"") && e.getMessage().contains("install kubectl 1.21"),
                e.getMessage());
    }

    @Test
    void aFailedRenderCarriesKustomizesError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - not-there.yaml\n");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Kubectl.fromEnvironment().kustomize(dir));

        assertTrue(e.getMessage().contains("not-there.yaml"), e.getMessage());
    }
}
