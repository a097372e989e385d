package com.langomni.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s/base/services/*.yaml are what scripts/generate-k8s.sh makes of the current build's
 * target/kubernetes/kubernetes.yml, so the committed manifests cannot drift from the services' configuration.
 */
class GeneratedManifestsTest {

    @Test
    void committedServiceManifestsEqualWhatTheBuildGenerates() throws IOException, InterruptedException {
        Path errors = Files.createTempFile("generate-k8s", ".out");
        try {
            Process check = new ProcessBuilder("bash", Repo.path("scripts/generate-k8s.sh").toString(), "--check")
                    .directory(Repo.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(errors.toFile())
                    .start();
            assertTrue(check.waitFor(60, TimeUnit.SECONDS), "scripts/generate-k8s.sh --check did not finish");

            assertEquals(0, check.exitValue(), "scripts/generate-k8s.sh --check:\n"
                    + Files.readString(errors, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    @Test
    void eachCarriesTheDoNotEditHeaderAndIsPartOfTheBase() throws IOException {
        JsonNode base = new YAMLMapper().readTree(Repo.path("deploy/k8s/base/kustomization.yaml").toFile());
        List<String> resources = new ArrayList<>();
        base.path("resources").forEach(r -> resources.add(r.asText()));

        for (LangomniService service : LangomniService.values()) {
            String file = "services/" + service.module() + ".yaml";
            String text = Files.readString(Repo.path("deploy/k8s/base/" + file));

            assertTrue(text.startsWith("# generated — do not edit"), file + " lacks the generated header");
            assertTrue(resources.contains(file), "deploy/k8s/base/kustomization.yaml does not include " + file);
        }
    }
}
