package com.langomni.orchestrator.service;

import com.langomni.api.memory.MemoryHit;
import com.langomni.api.memory.MemorySearch;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.orchestrator.client.MemoryClient;
import com.langomni.orchestrator.config.NarrationConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** What NPCs remember of players. An NPC without its memories still answers; a lost memory is only logged. */
@ApplicationScoped
public class NpcMemory {

    static final String KIND_CONVERSATION = "conversation";

    private final MemoryClient memories;
    private final int limit;

    NpcMemory(MemoryClient memories, NarrationConfig config) {
        this.memories = memories;
        this.limit = config.memoryLimit();
    }

    public static String owner(String npcId) {
        return "npc:" + npcId;
    }

    /** The NPC's memories most relevant to {@code query}, best first (timeout: langomni.narration.memory-timeout-ms). */
    @Timeout(400)
    @Fallback(fallbackMethod = "forgetful")
    public Uni<List<String>> recall(String npcId, String query) {
        return memories.search(new MemorySearch(owner(npcId), query, limit))
                .map(hits -> hits == null ? List.<String>of()
                        : hits.stream().map(MemoryHit::memory).map(m -> m.text()).limit(limit).toList());
    }

    Uni<List<String>> forgetful(String npcId, String query) {
        return Uni.createFrom().item(List.of());
    }

    /** Stores a conversation in the background: the action never waits for it. */
    public void remember(String npcId, String text) {
        memories.write(new MemoryWrite(owner(npcId), KIND_CONVERSATION, text, null, null))
                .subscribe().with(
                        stored -> Log.debugf("NPC %s remembers %s", npcId, stored == null ? "?" : stored.id()),
                        failure -> Log.warnf("NPC %s could not store a memory: %s", npcId, failure.toString()));
    }
}
