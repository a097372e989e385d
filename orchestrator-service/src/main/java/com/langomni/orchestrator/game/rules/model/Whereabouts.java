package com.langomni.orchestrator.game.rules.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.langomni.orchestrator.game.rules.world.GameClock;
import com.langomni.orchestrator.game.rules.world.GameTime;

/**
 * Where the NPCs are: the one answer to "who is at location L at time t", used by the rules (who can be talked to,
 * who is seen) and by NPC memories (who witnessed an event). A pure function of the pack's schedules and the game
 * clock; an NPC without a schedule is always at home.
 */
public final class Whereabouts {

    private Whereabouts() {
    }

    /** The location of {@code npc} at {@code time}. */
    public static String locationOf(Npc npc, GameTime time) {
        return npc.locationAt(time);
    }

    /** The NPCs at {@code locationId} at {@code time}, in pack order. */
    public static List<Npc> npcsAt(World world, String locationId, GameTime time) {
        return world.npcs().values().stream().filter(n -> locationId.equals(n.locationAt(time))).toList();
    }

    /** The NPCs at {@code locationId} at wall time {@code nowMillis} on {@code clock}. */
    public static List<Npc> npcsAt(World world, GameClock clock, String locationId, long nowMillis) {
        return npcsAt(world, locationId, clock.at(nowMillis));
    }

    /** The ids of the NPCs at {@code locationId} at wall time {@code at}; empty for an unknown location. */
    public static List<String> npcIdsAt(World world, GameClock clock, String locationId, long at) {
        return npcsAt(world, clock, locationId, at).stream().map(Npc::id).toList();
    }

    /** Every location with NPCs at wall time {@code at}, with their ids, in the pack's order: who meets whom. */
    public static Map<String, List<String>> gatherings(World world, GameClock clock, long at) {
        Map<String, List<String>> present = new LinkedHashMap<>();
        for (String locationId : world.locations().keySet()) {
            List<String> npcs = npcIdsAt(world, clock, locationId, at);
            if (!npcs.isEmpty()) {
                present.put(locationId, npcs);
            }
        }
        return present;
    }
}
