package com.langomni.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's pods against its application.properties: the port it listens on, the Service in front of it, and an
 * environment of only variables it reads, with every address pointing at something the render runs.
 */
class ServiceWiringTest {

    static Stream<Arguments> overlaysAndServices() {
        return Stream.of(Overlay.values())
                .flatMap(o -> Stream.of(LangomniService.values()).map(s -> Arguments.of(o, s)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlaysAndServices")
    void theContainerListensAndIsProbedOnTheConfiguredPort(Overlay overlay, LangomniService service) {
        Workload w = overlay.render().workload(service.k8sName());
        JsonNode container = w.container();
        int port = service.config().httpPort();

        assertEquals(service.image(), Images.repository(container.path("image").asText()), w.id() + " image");
        assertEquals(port, namedPort(container, "http"), w.id() + " container port http vs quarkus.http.port");
        assertProbe(w, container, "readinessProbe", "/q/health/ready", port);
        assertProbe(w, container, "livenessProbe", "/q/health/live", port);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlaysAndServices")
    void itsServiceForwardsTheSamePortToItsPods(Overlay overlay, LangomniService service) {
        Manifests m = overlay.render();
        int port = service.config().httpPort();

        assertEquals(List.of(), new Addresses(m).check(service.k8sName(), port).stream().toList());
        JsonNode servicePort = null;
        for (JsonNode p : m.get("Service", service.k8sName()).path("spec").path("ports")) {
            if (p.path("port").asInt() == port) {
                servicePort = p;
            }
        }
        String target = servicePort.path("targetPort").asText();
        assertTrue(target.equals(String.valueOf(port)) || target.equals("http"),
                "Service " + service.k8sName() + " forwards " + port + " to " + target);
        var selector = Workload.strings(m.get("Service", service.k8sName()).path("spec").path("selector"));
        assertTrue(m.workload(service.k8sName()).podLabels().entrySet().containsAll(selector.entrySet()),
                "Service " + service.k8sName() + " selector " + selector + " misses its own pods");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlaysAndServices")
    void everyVariableIsOneTheServiceReads(Overlay overlay, LangomniService service) {
        ContainerEnv env = env(overlay, service);
        ServiceConfig config = service.config();

        Set<String> unknown = new TreeSet<>(env.values().keySet());
        unknown.removeIf(config::reads);

        assertTrue(unknown.isEmpty(), overlay + " " + service.k8sName() + " gets " + unknown + ", which "
                + service.module() + "/src/main/resources/application.properties never reads");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlaysAndServices")
    void everySettingAPodNeedsIsSet(Overlay overlay, LangomniService service) {
        ContainerEnv env = env(overlay, service);
        Set<String> needed = new TreeSet<>(service.config().localDefaults());
        needed.addAll(service.kubernetesSettings());

        List<String> problems = new ArrayList<>();
        for (String name : needed) {
            ContainerEnv.Value value = env.values().get(name);
            if (value == null) {
                problems.add(name + " is not set");
            } else if (value instanceof ContainerEnv.Value.Literal l && l.value().isBlank()) {
                problems.add(name + " is empty");
            } else if (value instanceof ContainerEnv.Value.FromSecret s && s.optional()) {
                problems.add(name + " comes from an optional Secret key");
            }
        }
        assertTrue(problems.isEmpty(), overlay + " " + service.k8sName() + ": " + problems);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlaysAndServices")
    void everyAddressLeadsToPodsOfTheRender(Overlay overlay, LangomniService service) {
        Manifests m = overlay.render();
        ContainerEnv env = env(overlay, service);
        Addresses addresses = new Addresses(m);

        List<String> problems = new ArrayList<>();
        env.values().forEach((name, value) -> {
            if (value instanceof ContainerEnv.Value.Literal l && (name.endsWith("_URL") || name.endsWith("_URLS"))) {
                for (String url : l.value().split(",")) {
                    addresses.checkUrl(url).ifPresent(p -> problems.add(name + ": " + p));
                    if (name.matches(".*_LLM_URLS?") && !url.trim().endsWith("/v1")) {
                        problems.add(name + ": " + url + " is not an OpenAI base URL ending in /v1");
                    }
                }
            }
        });
        if (env.has("DB_HOST")) {
            addresses.check(env.literal("DB_HOST"), Integer.parseInt(env.literal("DB_PORT")))
                    .ifPresent(p -> problems.add("DB_HOST/DB_PORT: " + p));
        }
        assertTrue(problems.isEmpty(), overlay + " " + service.k8sName() + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void memoryRunsOnQdrantSoItCanScaleOut(Overlay overlay) {
        ContainerEnv env = env(overlay, LangomniService.MEMORY);

        assertEquals("qdrant", env.literal("LANGOMNI_MEMORY_STORE"));
        assertTrue(env.literal("QDRANT_URL").endsWith(":6334"), "Qdrant's gRPC port: " + env.literal("QDRANT_URL"));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void npcLlmListsEveryNpcReplicaOnce(Overlay overlay) {
        Manifests m = overlay.render();
        Workload replicas = m.workload("vllm-npc");
        String governing = replicas.object().path("spec").path("serviceName").asText();

        Set<String> expected = new HashSet<>();
        for (int i = 0; i < replicas.replicas(); i++) {
            expected.add("http://" + replicas.name() + "-" + i + "." + governing + ":8000/v1");
        }
        List<String> urls = List.of(env(overlay, LangomniService.NPC_LLM).literal("NPC_LLM_URLS").split(","));

        assertEquals(4, replicas.replicas(), "NPC replicas by default");
        assertEquals(expected, new HashSet<>(urls), "NPC_LLM_URLS vs the " + replicas.id() + " replicas");
        assertEquals(urls.size(), new HashSet<>(urls).size(), "NPC_LLM_URLS names a replica twice: " + urls);
    }

    static ContainerEnv env(Overlay overlay, LangomniService service) {
        Workload w = overlay.render().workload(service.k8sName());
        return ContainerEnv.of(w.container(), overlay.render(), overlay + " " + w.id());
    }

    private static int namedPort(JsonNode container, String name) {
        for (JsonNode p : container.path("ports")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("container " + container.path("name").asText() + " has no port named " + name);
    }

    private static void assertProbe(Workload w, JsonNode container, String probe, String path, int port) {
        JsonNode get = container.path(probe).path("httpGet");
        assertEquals(path, get.path("path").asText(), w.id() + " " + probe + " path");
        String probePort = get.path("port").asText();
        assertTrue(probePort.equals(String.valueOf(port)) || namedPort(container, probePort) == port,
                w.id() + " " + probe + " port " + probePort + ", expected " + port);
    }
}
