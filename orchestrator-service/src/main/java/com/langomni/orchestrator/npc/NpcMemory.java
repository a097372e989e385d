package com.langomni.orchestrator.npc;

import com.langomni.api.memory.MemoryHit;
import com.langomni.api.memory.MemorySearch;
import com.langomni.orchestrator.memory.client.MemoryClient;
import com.langomni.orchestrator.narration.NarrationConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import com.langomni.orchestrator.memory.MemoryOwners;
import com.langomni.orchestrator.memory.MemoryWriter;

/** What NPCs remember of players (written through {@link MemoryWriter}). An NPC without its memories still answers. */
@ApplicationScoped
public class NpcMemory {

    private final MemoryClient memories;
    private final int limit;

    NpcMemory(MemoryClient memories, NarrationConfig config) {
        this.memories = memories;
        this.limit = config.memoryLimit();
    }

    /**
     * The NPC's memories most relevant to {@code query} that it may recall talking with {@code playerId}: those about
     * that player and the public ones (never what another player told it), best first (timeout:
     * langomni.narration.memory-timeout-ms). The public ones include the news it heard from other NPCs, attributed in
     * their text ("Brannoc Ironhand says that ...", see {@code knowledge.Gossip}); an NPC has no memory of what
     * happened where it was not and nobody told it.
     */
    public Uni<List<String>> recall(String npcId, String playerId, String query) {
        return memories.recall(new MemorySearch(MemoryOwners.npc(npcId), query, limit, playerId))
                .map(hits -> hits.stream().map(MemoryHit::memory).map(m -> m.text()).limit(limit).toList())
                .onFailure().recoverWithItem(List.of()); // an answer it cannot read is no memories, as a failed one
    }
}
