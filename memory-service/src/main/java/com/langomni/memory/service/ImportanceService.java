package com.langomni.memory.service;

import com.langomni.api.narration.TokenUsage;
import com.langomni.memory.client.LlmRating;
import com.langomni.memory.client.NpcLlm;
import com.langomni.memory.client.NpcLlmClient;
import com.langomni.memory.config.MemoryConfig;
import com.langomni.memory.domain.ImportanceHeuristic;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Importance of a memory written without one: npc-llm's LLM score when {@code langomni.memory.importance.scorer}
 * is {@code npc-llm} (the default when NPC_LLM_SERVICE_URL is set), within a short timeout; the documented
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
    private final MemoryConfig config;
    private final Optional<NpcLlmClient> llm;

    public ImportanceService(ImportanceHeuristic heuristic, NpcLlm npcLlm, MemoryConfig config) {
        this.heuristic = heuristic;
        this.config = config;
        String scorer = config.importance().scorer().orElse(npcLlm.client().isPresent() ? "npc-llm" : "heuristic");
        if (!scorer.equals("npc-llm") && !scorer.equals("heuristic")) {
            throw new IllegalArgumentException("langomni.memory.importance.scorer must be npc-llm or heuristic");
        }
        if (scorer.equals("npc-llm") && npcLlm.client().isEmpty()) {
            Log.warn("Importance scorer npc-llm needs NPC_LLM_SERVICE_URL; using the heuristic");
        }
        this.llm = scorer.equals("npc-llm") ? npcLlm.client() : Optional.empty();
    }

    /** A memory's importance 1..10 and the LLM tokens it cost. */
    public record Score(int importance, TokenUsage usage) {
    }

    public Score score(String text) {
        LlmRating rating = llm.map(c -> c.importance(text, config.importance().timeout())).orElse(LlmRating.NONE);
        int importance = rating.importance().orElseGet(() -> heuristic.score(text));
        return new Score(importance, rating.usage());
    }
}
