package com.langomni.memory.client;

import com.langomni.api.memory.ImportanceRequest;
import com.langomni.api.memory.ImportanceResponse;
import com.langomni.api.memory.MemoryText;
import com.langomni.api.memory.ReflectRequest;
import com.langomni.api.memory.ReflectResponse;
import com.langomni.api.memory.Reflection;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * npc-llm-service's memory endpoints (contracts5): {@code POST /api/npc/importance} and
 * {@code POST /api/npc/reflect}. Failures are answered as "no LLM result" so that callers fall back; an
 * answer with {@code source = rules} counts as no LLM result too. The bodies are game-api's records, the same
 * ones npc-llm-service serves.
 */
public final class NpcLlmClient {

    private final JsonHttp http;
    private final URI importance;
    private final URI reflect;

    public NpcLlmClient(String baseUrl, Duration connectTimeout) {
        this.http = new JsonHttp(connectTimeout);
        this.importance = JsonHttp.resolve(baseUrl, "/api/npc/importance");
        this.reflect = JsonHttp.resolve(baseUrl, "/api/npc/reflect");
    }

    /**
     * The LLM's importance 1..10, or none (npc-llm down, slow, without LLM, or answering nonsense), with the tokens
     * npc-llm reports it spent either way.
     */
    public LlmRating importance(String text, Duration timeout) {
        try {
            ImportanceResponse r = http.post(importance, new ImportanceRequest(text), Map.of(), timeout,
                    ImportanceResponse.class);
            boolean rated = ImportanceResponse.LLM.equals(r.source()) && r.importance() >= 1 && r.importance() <= 10;
            return new LlmRating(rated ? OptionalInt.of(r.importance()) : OptionalInt.empty(), r.usage());
        } catch (IOException e) {
            Log.debugf("npc-llm importance unavailable: %s", e.getMessage());
            return LlmRating.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LlmRating.NONE;
        }
    }

    /**
     * The LLM's reflections, or none (npc-llm down, slow, without LLM, or with nothing to say), with the tokens npc-llm
     * reports they cost either way.
     */
    public LlmReflections reflect(String ownerId, List<MemoryText> memories, Duration timeout) {
        try {
            ReflectResponse r = http.post(reflect, new ReflectRequest(ownerId, memories), Map.of(), timeout,
                    ReflectResponse.class);
            List<Reflection> usable = ImportanceResponse.LLM.equals(r.source()) && r.reflections() != null
                    ? r.reflections() : List.of();
            return new LlmReflections(usable, r.usage());
        } catch (IOException e) {
            Log.infof("npc-llm reflection unavailable for %s: %s", ownerId, e.getMessage());
            return LlmReflections.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LlmReflections.NONE;
        }
    }
}
