package com.langomni.memory.client;

import com.langomni.api.memory.ImportanceRequest;
import com.langomni.api.memory.ImportanceResponse;
import com.langomni.api.memory.MemoryText;
import com.langomni.api.memory.ReflectRequest;
import com.langomni.api.memory.ReflectResponse;
import com.langomni.api.memory.Reflection;
import com.langomni.memory.config.MemoryConfig;
import com.langomni.support.auth.ServiceTokenClientFilter;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Fallback;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * npc-llm-service's memory endpoints (contracts5): {@code POST /api/npc/importance} and {@code POST /api/npc/reflect},
 * when NPC_LLM_SERVICE_URL is set. Each call has its deadline ({@link ClientGuards}); a failure, a timeout or an
 * answer with {@code source = rules} is "no LLM result", so that callers fall back. The bodies are game-api's
 * records, the same ones npc-llm-service serves.
 */
@Startup // builds the client at boot, not inside the first call's deadline
@ApplicationScoped
public class NpcLlmClient {

    /** Null when no URL is configured: no LLM importance, no reflections. */
    private final NpcLlmApi api;

    NpcLlmClient(MemoryConfig config, ServiceTokenClientFilter serviceToken) {
        MemoryConfig.NpcLlm npcLlm = config.npcLlm();
        Duration longest = max(config.importance().timeout(), config.reflection().timeout());
        this.api = npcLlm.url()
                .map(url -> RestClients.build(NpcLlmApi.class, url, npcLlm.connectTimeout(), longest, serviceToken))
                .orElse(null);
    }

    public boolean configured() {
        return api != null;
    }

    /**
     * The LLM's importance 1..10, or none (npc-llm down, slow, without LLM, or answering nonsense), with the tokens
     * npc-llm reports it spent either way. Never fails.
     */
    @ApplyGuard(ClientGuards.NPC_LLM_IMPORTANCE)
    @Fallback(fallbackMethod = "noRating")
    public Uni<LlmRating> importance(String text) {
        return api().importance(new ImportanceRequest(text)).map(NpcLlmClient::rating);
    }

    /**
     * The LLM's reflections, or none (npc-llm down, slow, without LLM, or with nothing to say), with the tokens npc-llm
     * reports they cost either way. Never fails.
     */
    @ApplyGuard(ClientGuards.NPC_LLM_REFLECT)
    @Fallback(fallbackMethod = "noReflections")
    public Uni<LlmReflections> reflect(String ownerId, List<MemoryText> memories) {
        return api().reflect(new ReflectRequest(ownerId, memories)).map(NpcLlmClient::reflections);
    }

    Uni<LlmRating> noRating(String text, Throwable failure) {
        Log.debugf("npc-llm importance unavailable: %s", failure.toString());
        return Uni.createFrom().item(LlmRating.NONE);
    }

    Uni<LlmReflections> noReflections(String ownerId, List<MemoryText> memories, Throwable failure) {
        Log.infof("npc-llm reflection unavailable for %s: %s", ownerId, failure.toString());
        return Uni.createFrom().item(LlmReflections.NONE);
    }

    static LlmRating rating(ImportanceResponse r) {
        boolean rated = ImportanceResponse.LLM.equals(r.source()) && r.importance() >= 1 && r.importance() <= 10;
        return new LlmRating(rated ? OptionalInt.of(r.importance()) : OptionalInt.empty(), r.usage());
    }

    static LlmReflections reflections(ReflectResponse r) {
        List<Reflection> usable = ImportanceResponse.LLM.equals(r.source()) && r.reflections() != null
                ? r.reflections() : List.of();
        return new LlmReflections(usable, r.usage());
    }

    private NpcLlmApi api() {
        if (api == null) {
            throw new IllegalStateException("NPC_LLM_SERVICE_URL is not set");
        }
        return api;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @PreDestroy
    void close() {
        RestClients.close(api);
    }
}
