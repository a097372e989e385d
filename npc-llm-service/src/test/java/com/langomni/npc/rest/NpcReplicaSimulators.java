package com.langomni.npc.rest;

import com.langomni.support.metrics.PrometheusText;
import com.langomni.testkit.LlmSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Three real llm-simulator processes (profile {@code fast}) as NPC replicas npc-1..npc-3, shared by every test
 * class of {@link ReplicasProfile}. Tests may kill one and {@link #restart(int)} it on the same port.
 */
public class NpcReplicaSimulators implements QuarkusTestResourceLifecycleManager {
    static final int COUNT = 3;
    private static final List<LlmSimulator> SIMS = new CopyOnWriteArrayList<>();

    /** Replica npc-(index+1). */
    static LlmSimulator replica(int index) {
        return SIMS.get(index);
    }

    static int indexOf(String name) {
        return Integer.parseInt(name.substring(name.indexOf('-') + 1)) - 1;
    }

    /** Brings a killed replica back where it was, as a restarted pod would. */
    static void restart(int index) {
        LlmSimulator old = SIMS.get(index);
        old.close();
        SIMS.set(index, LlmSimulator.start("fast", old.port(), Map.of()));
    }

    /**
     * Requests a replica answered to the end since it (re)started: {@code vllm:request_success_total} without
     * {@code finished_reason="abort"} (a crashed or cancelled stream); 0 while it is down.
     */
    static long served(int index) {
        LlmSimulator sim = replica(index);
        if (!sim.alive()) {
            return 0;
        }
        PrometheusText metrics = sim.metrics();
        return Math.round(metrics.sum("vllm:request_success_total")
                - metrics.sum("vllm:request_success_total", Map.of("finished_reason", "abort")));
    }

    @Override
    public Map<String, String> start() {
        List<CompletableFuture<LlmSimulator>> starting = IntStream.range(0, COUNT)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> LlmSimulator.start("fast", Map.of()))).toList();
        starting.forEach(f -> SIMS.add(f.join()));
        Map<String, String> config = new HashMap<>();
        config.put("langomni.npc.llm.urls", SIMS.stream().map(LlmSimulator::openAiUrl)
                .collect(Collectors.joining(",")));
        // the product's own probe cadence: faster probing would race the request path (two failed probes can eject
        // a killed replica before the request that should find it dead and retry elsewhere gets there), and a
        // shorter timeout ejects healthy replicas whose /health is slow on a busy machine
        config.put("langomni.npc.llm.probe-interval-ms", "1000");
        config.put("langomni.npc.llm.probe-timeout-ms", "800");
        return config;
    }

    @Override
    public void stop() {
        SIMS.forEach(LlmSimulator::close);
        SIMS.clear();
    }
}
