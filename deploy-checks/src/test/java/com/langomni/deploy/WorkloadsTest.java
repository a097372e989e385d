package com.langomni.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every Deployment and StatefulSet of every overlay: probes, resources, pinned images, the common labels. */
class WorkloadsTest {

    private static final Set<String> EXPECTED = Set.of("gateway", "orchestrator", "world-llm", "npc-llm", "memory",
            "postgres", "redis", "qdrant", "vllm-world", "vllm-npc", "prometheus", "grafana");
    private static final Set<String> COMPONENTS = Set.of("edge", "core", "llm", "memory", "store", "monitoring");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyWorkloadOfThePlatformIsRendered(Overlay overlay) {
        Set<String> rendered = new TreeSet<>();
        overlay.render().workloads().forEach(w -> rendered.add(w.name()));

        assertTrue(rendered.containsAll(EXPECTED), overlay + " renders " + rendered + ", expected at least " + EXPECTED);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyContainerHasReadinessAndLivenessProbes(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : overlay.render().workloads()) {
            for (JsonNode c : w.containers()) {
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    if (!hasHandler(c.path(probe))) {
                        problems.add(w.id() + " container " + c.path("name").asText() + " has no " + probe);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyContainerRequestsAndLimitsCpuAndMemory(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : overlay.render().workloads()) {
            for (JsonNode c : w.allContainers()) {
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (c.path("resources").path(bound).path(resource).asText().isBlank()) {
                            problems.add(w.id() + " container " + c.path("name").asText() + " has no " + bound + "."
                                    + resource);
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyImageIsPinned(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : overlay.render().workloads()) {
            for (JsonNode c : w.allContainers()) {
                String image = c.path("image").asText();
                if (!Images.isPinned(image)) {
                    problems.add(w.id() + " runs " + (image.isEmpty() ? "no image" : image) + " (no tag, or latest)");
                }
            }
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyPodCarriesTheCommonLabels(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : overlay.render().workloads()) {
            var labels = w.podLabels();
            if (!w.name().equals(labels.get("app.kubernetes.io/name"))) {
                problems.add(w.id() + " pods are labelled app.kubernetes.io/name=" + labels.get("app.kubernetes.io/name"));
            }
            if (!"langomni".equals(labels.get("app.kubernetes.io/part-of"))) {
                problems.add(w.id() + " pods lack app.kubernetes.io/part-of=langomni");
            }
            if (!COMPONENTS.contains(labels.get("app.kubernetes.io/component"))) {
                problems.add(w.id() + " pods have component " + labels.get("app.kubernetes.io/component")
                        + ", expected one of " + COMPONENTS);
            }
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    private static boolean hasHandler(JsonNode probe) {
        return probe.has("httpGet") || probe.has("exec") || probe.has("tcpSocket") || probe.has("grpc");
    }
}
