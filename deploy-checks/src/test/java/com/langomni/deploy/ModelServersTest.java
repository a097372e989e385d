package com.langomni.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vLLM world server and NPC replicas: the vendor's GPUs and image in the GPU overlays, the simulator and no GPU at
 * all in sim, a tensor-parallel size that matches the GPUs, and the model names the LLM services ask for.
 */
class ModelServersTest {

    private static final List<String> MODEL_SERVERS = List.of("vllm-world", "vllm-npc");

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"NVIDIA", "AMD"})
    void modelServersRequestTheVendorsGpus(Overlay overlay) {
        String gpu = overlay.gpuResource().orElseThrow();
        for (String name : MODEL_SERVERS) {
            JsonNode resources = overlay.render().workload(name).container().path("resources");

            int requested = resources.path("requests").path(gpu).asInt(0);
            int limited = resources.path("limits").path(gpu).asInt(0);
            assertTrue(requested >= 1, overlay + " " + name + " requests no " + gpu + ": " + resources);
            assertEquals(requested, limited, overlay + " " + name + ": " + gpu + " requests and limits differ");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noOtherGpuIsRequestedAnywhere(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : overlay.render().workloads()) {
            for (JsonNode c : w.allContainers()) {
                for (String bound : List.of("requests", "limits")) {
                    Iterator<String> names = c.path("resources").path(bound).fieldNames();
                    names.forEachRemaining(resource -> {
                        boolean gpu = resource.contains("gpu");
                        boolean allowed = MODEL_SERVERS.contains(w.name())
                                && overlay.gpuResource().map(resource::equals).orElse(false);
                        if (gpu && !allowed) {
                            problems.add(w.id() + " " + bound + " " + resource);
                        }
                    });
                }
            }
        }
        assertTrue(problems.isEmpty(), overlay + " requests GPUs it should not:\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void modelServersRunTheOverlaysImage(Overlay overlay) {
        for (String name : MODEL_SERVERS) {
            String image = overlay.render().workload(name).container().path("image").asText();

            assertEquals(overlay.modelServerImage(), Images.repository(image), overlay + " " + name);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"NVIDIA", "AMD"})
    void tensorParallelSizeMatchesTheGpusPerPod(Overlay overlay) {
        Manifests m = overlay.render();
        String gpu = overlay.gpuResource().orElseThrow();
        for (String name : MODEL_SERVERS) {
            Workload w = m.workload(name);
            ContainerEnv env = ContainerEnv.of(w.container(), m, overlay + " " + w.id());
            int gpus = w.container().path("resources").path("limits").path(gpu).asInt(0);

            String tensorParallel = flag(w.container(), env, "--tensor-parallel-size")
                    .orElseThrow(() -> new AssertionError(w.id() + " sets no --tensor-parallel-size"));
            assertEquals(String.valueOf(gpus), tensorParallel, overlay + " " + name
                    + ": --tensor-parallel-size must equal the " + gpu + " per pod");
            assertTrue(flag(w.container(), env, "--enable-prefix-caching").isPresent(),
                    overlay + " " + name + " runs without --enable-prefix-caching");
        }
    }

    @Test
    void simRunsTheSimulatorWithTheModelsProfiles() {
        Manifests m = Overlay.SIM.render();
        Map<String, String> profiles = Map.of("vllm-world", "world-70b", "vllm-npc", "npc-8b");
        profiles.forEach((name, profile) -> {
            Workload w = m.workload(name);
            ContainerEnv env = ContainerEnv.of(w.container(), m, "sim " + w.id());

            assertEquals(profile, env.literal("SIM_PROFILE"), w.id());
            assertTrue(w.object().path("spec").path("volumeClaimTemplates").isMissingNode(),
                    w.id() + " claims a model cache the simulator does not use");
        });
        assertTrue(m.find("PersistentVolumeClaim", "vllm-world-model-cache").isEmpty(),
                "sim keeps the world model cache volume");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void llmServicesAskForTheModelTheirServersServe(Overlay overlay) {
        Manifests m = overlay.render();
        Map<LangomniService, String> servers = Map.of(
                LangomniService.WORLD_LLM, "vllm-world", LangomniService.NPC_LLM, "vllm-npc");
        Map<LangomniService, String> variables = Map.of(
                LangomniService.WORLD_LLM, "WORLD_LLM_MODEL", LangomniService.NPC_LLM, "NPC_LLM_MODEL");
        servers.forEach((service, serverName) -> {
            String asked = ServiceWiringTest.env(overlay, service).literal(variables.get(service));

            assertEquals(servedModelName(m, m.workload(serverName)), asked,
                    overlay + " " + service.k8sName() + " asks for a model " + serverName + " does not serve");
        });
    }

    /** vLLM's --served-model-name, or the simulator's SIM_SERVED_MODEL_NAME. */
    private static String servedModelName(Manifests m, Workload server) {
        JsonNode container = server.container();
        ContainerEnv env = ContainerEnv.of(container, m, server.id());
        return flag(container, env, "--served-model-name")
                .orElseGet(() -> env.literal("SIM_SERVED_MODEL_NAME"));
    }

    /** A flag's value from the container's args ({@code --flag=value} or {@code --flag value}), references expanded. */
    private static Optional<String> flag(JsonNode container, ContainerEnv env, String flag) {
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(env.expand(a.asText())));
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith(flag + "=")) {
                return Optional.of(arg.substring(flag.length() + 1));
            }
            if (arg.equals(flag)) {
                boolean hasValue = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
                return Optional.of(hasValue ? args.get(i + 1) : "");
            }
        }
        return Optional.empty();
    }
}
