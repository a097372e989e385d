package com.langomni.orchestrator.admin.topology;

import com.langomni.api.llm.BackendStatus;
import com.langomni.orchestrator.npc.NpcLlmClient;
import com.langomni.orchestrator.narration.WorldLlmClient;
import com.langomni.orchestrator.admin.AdminConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers the LLM backends' status from world-llm and npc-llm ({@code GET /api/backends}) at once, each within
 * langomni.admin.backends-timeout. A service that fails or is late is DOWN and its backends are simply absent.
 */
@ApplicationScoped
public class LlmBackends {

    static final String WORLD_LLM = "world-llm";
    static final String NPC_LLM = "npc-llm";

    /** The live stream, topology and sampler all want the backends each second or two: one collection serves them. */
    private static final Duration REUSE = Duration.ofSeconds(1);

    private final WorldLlmClient worldLlm;
    private final NpcLlmClient npcLlm;
    private final Duration timeout;
    private final Uni<GpuMetrics> recent;

    LlmBackends(WorldLlmClient worldLlm, NpcLlmClient npcLlm, AdminConfig config) {
        this.worldLlm = worldLlm;
        this.npcLlm = npcLlm;
        this.timeout = config.backendsTimeout();
        this.recent = Uni.createFrom().deferred(this::collect).memoize().atLeast(REUSE);
    }

    /** A collection at most about a second old (callers at the same time share one). */
    public Uni<GpuMetrics> recent() {
        return recent;
    }

    public Uni<GpuMetrics> collect() {
        return Uni.combine().all().unis(ask(WORLD_LLM, worldLlm.backends()), ask(NPC_LLM, npcLlm.backends()))
                .asTuple()
                .map(answers -> {
                    List<BackendStatus> backends = new ArrayList<>();
                    Map<String, String> services = new LinkedHashMap<>();
                    report(WORLD_LLM, answers.getItem1(), backends, services);
                    report(NPC_LLM, answers.getItem2(), backends, services);
                    return new GpuMetrics(List.copyOf(backends), services, System.currentTimeMillis());
                });
    }

    private Uni<Optional<List<BackendStatus>>> ask(String service, Uni<List<BackendStatus>> backends) {
        return backends.ifNoItem().after(timeout).fail()
                .map(list -> Optional.of(list == null ? List.<BackendStatus>of() : list))
                .onFailure().recoverWithItem(failure -> {
                    Log.debugf("%s did not report its backends: %s", service, failure.toString());
                    return Optional.empty();
                });
    }

    private static void report(String service, Optional<List<BackendStatus>> answer, List<BackendStatus> backends,
                               Map<String, String> services) {
        services.put(service, answer.isPresent() ? GpuMetrics.UP : GpuMetrics.DOWN);
        answer.ifPresent(backends::addAll);
    }
}
