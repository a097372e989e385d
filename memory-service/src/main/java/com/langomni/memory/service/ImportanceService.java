package com.langomni.memory.service;

import com.langomni.api.narration.TokenUsage;
import com.langomni.memory.client.LlmRating;
import com.langomni.memory.client.NpcLlmClient;
import com.langomni.memory.config.MemoryConfig;
import com.langomni.memory.domain.ImportanceHeuristic;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Importance of a memory written without one: npc-llm's LLM score when {@code langomni.memory.importance.scorer}
 * is {@code npc-llm} (the default when NPC_LLM_SERVICE_URL is set), within {@code langomni.memory.importance.timeout}
 * (the client's guard); the documented
 * {@link ImportanceHeuristic} otherwise and whenever npc-llm fails or answers from rules.
 * <p>
 * Each score carries the LLM tokens it cost as npc-llm reported them (also when its model answered no usable rating
 * and the heuristic applied: those tokens were spent), {@link TokenUsage#NONE} for the heuristic alone. They are
 * passed on to the writer, not metered here: npc-llm-service, where the call happens, meters every LLM token in
 * Prometheus ({@code langomni_llm_tokens_total{role="importance"}}).
 */
@ApplicationScoped
public class ImportanceService {

    private final ImportanceHeuristic heuristic;
    /** Null when the heuristic alone rates. */
    private final NpcLlmClient llm;

    public ImportanceService(ImportanceHeuristic heuristic, NpcLlmClient npcLlm, MemoryConfig config) {
        this.heuristic = heuristic;
        String scorer = config.importance().scorer().orElse(npcLlm.configured() ? "npc-llm" : "heuristic");
        if (!scorer.equals("npc-llm") && !scorer.equals("heuristic")) {
            throw new IllegalArgumentException("langomni.memory.importance.scorer must be npc-llm or heuristic");
        }
        if (scorer.equals("npc-llm") && !npcLlm.configured()) {
            Log.warn("Importance scorer npc-llm needs NPC_LLM_SERVICE_URL; using the heuristic");
        }
        this.llm = scorer.equals("npc-llm") && npcLlm.configured() ? npcLlm : null;
    }

    /** A memory's importance 1..10 and the LLM tokens it cost. */
    public record Score(int importance, TokenUsage usage) {
    }

    public Score score(String text) {
        // a worker thread waits; the client's deadline and fallback bound the wait and never fail it
        LlmRating rating = llm == null ? LlmRating.NONE : llm.importance(text).await().indefinitely();
        int importance = rating.importance().orElseGet(() -> heuristic.score(text));
        return new Score(importance, rating.usage());
    }
}
