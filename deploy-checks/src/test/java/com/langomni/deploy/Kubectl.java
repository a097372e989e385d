package com.langomni.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Renders kustomizations with {@code kubectl kustomize} (no cluster needed). The kustomizations use current fields
 * (resources, patches, envs), which need kubectl 1.21+ (kustomize v4+); Debian 12's kubectl 1.20 is too old.
 */
final class Kubectl {

    static final String INSTALL_HINT =
            "install kubectl 1.21 or later (Debian 12's kubernetes-client 1.20 is too old) or point $KUBECTL at one";

    private static final long TIMEOUT_SECONDS = 120;

    private final String executable;

    Kubectl(String executable) {
        this.executable = executable;
    }

    /** $KUBECTL when set, else kubectl from the PATH. */
    static Kubectl fromEnvironment() {
        String configured = System.getenv("KUBECTL");
        return new Kubectl(configured == null || configured.isBlank() ? "kubectl" : configured);
    }

    /** The YAML that {@code kubectl kustomize dir} prints; its error output when it fails. */
    String kustomize(Path dir) {
        Path errors = null;
        try {
            errors = Files.createTempFile("kustomize", ".err");
            Process process = start(dir, errors);
            // stderr goes to a file, so reading stdout to the end cannot block on a full error pipe
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String error = Files.readString(errors);
                // kubectl 1.20's kustomize rejects the current fields (envs, patches) as unknown
                String hint = error.contains("unknown field") ? "\n(too old a kubectl? " + INSTALL_HINT + ")" : "";
                throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + process.exitValue()
                        + "):\n" + error + hint);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + dir, e);
        } finally {
            deleteQuietly(errors);
        }
    }

    private Process start(Path dir, Path errors) {
        try {
            return new ProcessBuilder(executable, "kustomize", dir.toString())
                    .redirectError(errors.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + executable + " (" + e.getMessage() + "): " + INSTALL_HINT, e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
