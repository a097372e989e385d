package com.langomni.npc.service;

import com.langomni.api.npc.NpcReplyRequest;
import com.langomni.api.npc.NpcReplyResponse;
import com.langomni.npc.client.NpcReplicas;
import com.langomni.npc.config.NpcConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers through the configured backend and counts it. Built at startup so a misspelt
 * {@code langomni.npc.backend} (or {@code llm} without replicas) stops the service at once instead of failing the
 * first conversation.
 */
@Startup
@ApplicationScoped
public class NpcReplyService {
    static final String AUTO = "auto";

    private final NpcReplyBackend backend;
    private final MeterRegistry registry;
    private final Timer timer;

    public NpcReplyService(NpcConfig config, NpcReplicas replicas, @Any Instance<NpcReplyBackend> backends,
                           MeterRegistry registry) {
        this.backend = select(resolve(config.backend(), replicas.configured()), backends.stream().toList());
        this.registry = registry;
        this.timer = Timer.builder("langomni.npc.reply.duration").description("Time to answer one NPC line")
                .tag("backend", backend.name()).register(registry);
        Log.infof("NPC reply backend: %s", backend.name());
    }

    /** {@code auto}: the replicas when NPC_LLM_URLS names some, the retrieval dialog otherwise. */
    static String resolve(String configured, boolean replicasConfigured) {
        if (AUTO.equals(configured)) {
            return replicasConfigured ? LlmDialogBackend.NAME : RetrievalDialogBackend.NAME;
        }
        if (LlmDialogBackend.NAME.equals(configured) && !replicasConfigured) {
            throw new IllegalStateException("langomni.npc.backend=llm needs replicas: set NPC_LLM_URLS");
        }
        return configured;
    }

    static NpcReplyBackend select(String name, List<NpcReplyBackend> backends) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("langomni.npc.backend=" + name + " is not one of "
                        + backends.stream().map(NpcReplyBackend::name).collect(Collectors.joining(", "))));
    }

    public String backendName() {
        return backend.name();
    }

    public Uni<NpcReplyResponse> reply(NpcReplyRequest request) {
        Timer.Sample sample = Timer.start(registry);
        return backend.reply(request).invoke(response -> {
            sample.stop(timer);
            registry.counter("langomni.npc.replies", "backend", backend.name(), "source", response.source())
                    .increment();
        });
    }
}
