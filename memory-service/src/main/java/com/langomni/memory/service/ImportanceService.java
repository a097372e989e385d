package com.langomni.memory.service;

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

    public int score(String text) {
        return llm.flatMap(c -> c.importance(text, config.importance().timeout()))
                .orElseGet(() -> heuristic.score(text));
    }
}
