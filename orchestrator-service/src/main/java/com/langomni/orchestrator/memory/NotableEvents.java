package com.langomni.orchestrator.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.ItemKind;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;

/**
 * Which outcomes NPCs and the acting player remember: an NPC attacked (the attempt; the rules refuse it), a hostile
 * creature killed where NPCs stand (they were helped), a gift, a player's death where NPCs stand, and for the
 * player's own history kills, deaths, gifts and treasure taken. Conversations are remembered by the pipeline, which
 * has the NPC's reply. Reads only the outcome's facts, so it never disagrees with what the rules decided.
 * <p>
 * Importance follows the Generative Agents scale (1 brushing teeth .. 10 a break-up): being attacked 8, dying 7,
 * being helped or given something 6, a death nearby 5, a kill 5, a gift given or treasure found 4.
 */
public final class NotableEvents {

    private NotableEvents() {
    }

    /** @param actor the acting player (their name is how NPCs know them) */
    public static List<Notable> of(World world, PlayerState actor, Outcome outcome) {
        Map<String, String> facts = outcome.facts();
        List<Notable> notable = new ArrayList<>();
        String who = actor.name();
        String where = facts.get("location");
        switch (outcome.verb()) {
            case ATTACK -> {
                String npcId = facts.get("npc");
                if (npcId != null) {
                    String npc = npcName(world, npcId);
                    notable.add(new Notable(npcId, who + " tried to attack me.", 8));
                    notable.add(new Notable(null, "You tried to attack " + npc + ".", 6));
                } else if (outcome.success()) {
                    combat(world, who, where, facts, notable);
                }
            }
            case GIVE -> {
                if (outcome.success()) {
                    String npcId = facts.get("npc");
                    String item = facts.get("itemName");
                    notable.add(new Notable(npcId, who + " gave me the " + item + ".", 6));
                    notable.add(new Notable(null, "You gave " + npcName(world, npcId) + " the " + item + ".", 4));
                }
            }
            case TAKE -> {
                if (outcome.success() && world.item(facts.get("item")).map(i -> i.kind() == ItemKind.TREASURE).orElse(false)) {
                    notable.add(new Notable(null, "You found the " + facts.get("itemName") + " in "
                            + locationName(world, where) + ".", 4));
                }
            }
            default -> { }
        }
        return List.copyOf(notable);
    }

    private static void combat(World world, String who, String where, Map<String, String> facts, List<Notable> notable) {
        String creature = facts.get("creatureName");
        boolean hostile = world.creature(facts.get("creature")).map(CreatureDef::hostile).orElse(false);
        if ("true".equals(facts.get("killed"))) {
            notable.add(new Notable(null, "You killed the " + creature + " in " + locationName(world, where) + ".", 5));
            if (hostile) {
                npcsAt(world, where).forEach(npcId -> notable.add(new Notable(npcId,
                        who + " killed the " + creature + " that threatened us here.", 6)));
            }
        }
        if ("true".equals(facts.get("died"))) {
            notable.add(new Notable(null, "You died in " + locationName(world, where) + ", killed by the " + creature
                    + ".", 7));
            npcsAt(world, where).forEach(npcId -> notable.add(new Notable(npcId,
                    who + " was killed by the " + creature + " here.", 5)));
        }
    }

    private static List<String> npcsAt(World world, String locationId) {
        return world.location(locationId).map(Location::npcs).orElse(List.of());
    }

    private static String npcName(World world, String npcId) {
        return world.npc(npcId).map(Npc::name).orElse(npcId);
    }

    private static String locationName(World world, String locationId) {
        return world.location(locationId).map(Location::name).orElse(locationId);
    }
}
