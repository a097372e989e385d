package com.langomni.orchestrator.memory;

import com.langomni.api.memory.MemoryHit;
import com.langomni.api.memory.MemorySearch;
import com.langomni.orchestrator.memory.client.MemoryClient;
import com.langomni.orchestrator.narration.NarrationConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What a player did before, recalled from their own memories ({@code player:<id>}, second person) for narration. */
@ApplicationScoped
public class PlayerHistory {

    private final MemoryClient memories;
    private final int limit;

    PlayerHistory(MemoryClient memories, NarrationConfig config) {
        this.memories = memories;
        this.limit = config.history().limit();
    }

    /**
     * The player's memories most relevant to {@code query}, best first; empty when memory-service fails or is slower
     * than langomni.narration.memory-timeout-ms.
     */
    public Uni<List<String>> relevantTo(String playerId, String query) {
        return memories.recall(new MemorySearch(MemoryOwners.player(playerId), query, limit))
                .map(hits -> hits.stream().map(MemoryHit::memory).map(m -> m.text()).limit(limit).toList())
                .onFailure().recoverWithItem(List.of()); // an answer it cannot read is no memories, as a failed one
    }
}
