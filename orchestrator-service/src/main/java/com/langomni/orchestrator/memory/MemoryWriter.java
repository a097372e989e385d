package com.langomni.orchestrator.memory;

import com.langomni.api.memory.MemoryProvenance;
import com.langomni.api.memory.MemoryVisibility;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.orchestrator.game.rules.NpcTalk;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.rules.world.GameClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.List;
import com.langomni.orchestrator.game.Committed;
import com.langomni.orchestrator.npc.NpcSpeech;

/**
 * Turns what happened into memories on the durable queue: NPC memories ({@code npc:<id>}, about the player) and the
 * player's own history ({@code player:<id>}, second person). Every write carries the player as subject, so an admin
 * can erase everything derived from one player. Conversations leave importance to memory-service (it scores them);
 * events carry the importance {@link NotableEvents} gives them.
 * <p>
 * Visibility (who an NPC may recall a memory for): conversations hold the player's own words and are
 * {@link MemoryVisibility#PRIVATE private} to that player; an NPC's memory of an act others in the room were shown is
 * {@link MemoryVisibility#PUBLIC public}; a player's own history is private.
 * <p>
 * Provenance (where an NPC's knowledge came from): an event is {@link MemoryProvenance.Source#WITNESSED witnessed}
 * at the action's location, with one event id shared by every witness (so gossip never tells an NPC what it already
 * knows) and, when public, the gist others may retell; a conversation is {@link MemoryProvenance.Source#TOLD told}.
 */
@ApplicationScoped
public class MemoryWriter {

    static final String KIND_CONVERSATION = "conversation";
    static final String KIND_OBSERVATION = "observation";

    private final MemoryQueue queue;
    private final World world;

    private final GameClock clock;

    MemoryWriter(MemoryQueue queue, World world, GameClock clock) {
        this.clock = clock;
        this.queue = queue;
        this.world = world;
    }

    /** The notable events of a committed action (none for most actions). */
    public Uni<Void> events(Committed committed) {
        PlayerState actor = committed.before().state();
        long now = System.currentTimeMillis();
        List<Notable> notable = NotableEvents.of(world, clock, actor, committed.outcome(), now);
        List<MemoryWrite> writes = new ArrayList<>(notable.size());
        String where = committed.outcome().location().locationId();
        Map<String, String> events = new HashMap<>(); // gist -> event id: the witnesses of one act share it
        for (Notable n : notable) {
            String owner = n.ownHistory() ? MemoryOwners.player(actor.id()) : MemoryOwners.npc(n.npcId());
            MemoryVisibility visibility = !n.ownHistory() && n.witnessed() ? MemoryVisibility.PUBLIC
                    : MemoryVisibility.PRIVATE;
            MemoryProvenance provenance = n.ownHistory() ? null : MemoryProvenance.witnessed(where, now,
                    events.computeIfAbsent(n.gist() == null ? n.text() : n.gist(), g -> UUID.randomUUID().toString()),
                    visibility == MemoryVisibility.PUBLIC ? n.gist() : null);
            writes.add(new MemoryWrite(owner, KIND_OBSERVATION, n.text(), n.importance(), now, actor.id(), null,
                    visibility, provenance));
        }
        return queue.enqueue(writes);
    }

    /** One exchange with an NPC: the NPC's memory of it and the player's. */
    public Uni<Void> conversation(String playerId, String playerName, NpcTalk talk, String npcName, String npcLine) {
        long now = System.currentTimeMillis();
        return queue.enqueue(List.of(
                new MemoryWrite(MemoryOwners.npc(talk.npcId()), KIND_CONVERSATION,
                        NpcSpeech.memory(playerName, talk.topic(), talk.said(), npcLine), null, now, playerId, null,
                        MemoryVisibility.PRIVATE, MemoryProvenance.told(null, now)),
                new MemoryWrite(MemoryOwners.player(playerId), KIND_CONVERSATION,
                        NpcSpeech.history(npcName, talk.topic(), talk.said(), npcLine), null, now, playerId, null,
                        MemoryVisibility.PRIVATE)));
    }
}
