package com.langomni.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s/base/services/*.yaml are what scripts/generate-k8s.sh makes of the current build's
 * target/kubernetes/kubernetes.yml, so the committed manifests cannot drift from the services' configuration.
 */
class GeneratedManifestsTest {

    /**
     * Compared as YAML documents, not bytes: Quarkus writes the same labels in a different order from one checkout
     * to another (seen between a working tree and its clone), which means nothing to Kubernetes.
     * {@code scripts/generate-k8s.sh --check} shows the textual diff when this fails.
     */
    @Test
    void committedServiceManifestsEqualWhatTheBuildGenerates() throws IOException {
        List<String> stale = new ArrayList<>();
        for (LangomniService service : LangomniService.values()) {
            Path generated = Repo.path(service.module() + "/target/kubernetes/kubernetes.yml");
            assertTrue(Files.isRegularFile(generated), generated + " is missing: package " + service.module() + " first");
            Path committed = Repo.path("deploy/k8s/base/services/" + service.module() + ".yaml");
            if (!documents(committed).equals(documents(generated))) {
                stale.add(committed + " (run scripts/generate-k8s.sh; --check shows the diff)");
            }
        }
        assertEquals(List.of(), stale, "committed manifests differ from what the build generates");
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> all = new ArrayList<>();
            docs.forEachRemaining(doc -> {
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    all.add(doc);
                }
            });
            return all;
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
