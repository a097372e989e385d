package com.langomni.orchestrator.memory;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import java.util.ArrayList;
import java.util.List;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.rules.model.Whereabouts;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.ItemKind;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.rules.world.GameClock;

/**
 * Which outcomes NPCs and the acting player remember: an NPC attacked (the attempt; the rules refuse it), a hostile
 * creature killed where NPCs stand (they were helped), a gift, a player's death where NPCs stand, and for the
 * player's own history kills, deaths, gifts and treasure taken. Conversations are remembered by the pipeline, which
 * has the NPC's reply. Reads only the outcome's typed facts, so it never disagrees with what the rules decided.
 * <p>
 * An NPC's memory of an act others in the room were shown (the outcome raised a room event there: a fight, a death,
 * a gift) is {@link Notable#witnessed() witnessed}, hence public; one nobody else saw (a refused attack) stays
 * private to the actor's conversations. The acting player's own history is always private.
 * <p>
 * Who witnessed an act at a location is asked of {@link Whereabouts} (the NPCs there at that moment): an NPC never
 * remembers what happened where it was not. A witnessed NPC memory carries a gist, the news in the third person, that
 * gossip may pass on ({@code knowledge.Gossip}).
 * <p>
 * Importance follows the Generative Agents scale (1 brushing teeth .. 10 a break-up): being attacked 8, dying 7,
 * being helped or given something 6, a death nearby 5, a kill 5, a gift given or treasure found 4.
 */
public final class NotableEvents {

    private NotableEvents() {
    }

    /**
     * @param actor the acting player (their name is how NPCs know them)
     * @param at    when it happened (epoch millis): who was there to see it
     */
    public static List<Notable> of(World world, PlayerState actor, Outcome outcome, long at) {
        return of(world, GameClock.DEFAULT, actor, outcome, at);
    }

    /** As {@link #of(World, PlayerState, Outcome, long)}, with NPCs where {@code clock} puts them at {@code at}. */
    public static List<Notable> of(World world, GameClock clock, PlayerState actor, Outcome outcome, long at) {
        List<Notable> notable = new ArrayList<>();
        String who = actor.name();
        String where = outcome.location().locationId();
        boolean witnessed = outcome.events().stream().anyMatch(e -> where.equals(e.locationId()));
        // only these outcomes are remembered; every other kind of facts leaves no memory
        if (outcome.facts() instanceof Facts.Refused refused && refused.reason() == Refusal.NOT_AN_ENEMY) {
            notable.add(new Notable(refused.npc(), who + " tried to attack me.", 8, witnessed,
                    gist(witnessed, who + " tried to attack " + npcName(world, refused.npc()) + " in "
                            + locationName(world, where) + ".")));
            notable.add(new Notable(null, "You tried to attack " + npcName(world, refused.npc()) + ".", 6));
        } else if (outcome.facts() instanceof Facts.Fought fought) {
            combat(world, clock, who, where, at, fought, witnessed, notable);
        } else if (outcome.facts() instanceof Facts.Given given) {
            notable.add(new Notable(given.npc(), who + " gave me the " + given.itemName() + ".", 6, witnessed,
                    gist(witnessed, who + " gave " + npcName(world, given.npc()) + " the " + given.itemName() + " in "
                            + locationName(world, where) + ".")));
            notable.add(new Notable(null, "You gave " + npcName(world, given.npc()) + " the " + given.itemName() + ".",
                    4));
        } else if (outcome.facts() instanceof Facts.Taken taken
                && world.item(taken.item()).map(i -> i.kind() == ItemKind.TREASURE).orElse(false)) {
            notable.add(new Notable(null, "You found the " + taken.itemName() + " in " + locationName(world, where)
                    + ".", 4));
        }
        return List.copyOf(notable);
    }

    private static String gist(boolean witnessed, String news) {
        return witnessed ? news : null;
    }

    private static void combat(World world, GameClock clock, String who, String where, long at, Facts.Fought fought,
                               boolean witnessed, List<Notable> notable) {
        String creature = fought.creatureName();
        boolean hostile = world.creature(fought.creature()).map(CreatureDef::hostile).orElse(false);
        if (fought.killed()) {
            notable.add(new Notable(null, "You killed the " + creature + " in " + locationName(world, where) + ".", 5));
            if (hostile) {
                String news = gist(witnessed, who + " killed the " + creature + " in " + locationName(world, where)
                        + ".");
                Whereabouts.npcIdsAt(world, clock, where, at).forEach(npcId -> notable.add(new Notable(npcId,
                        who + " killed the " + creature + " that threatened us here.", 6, witnessed, news)));
            }
        }
        if (fought.died()) {
            notable.add(new Notable(null, "You died in " + locationName(world, where) + ", killed by the " + creature
                    + ".", 7));
            String news = gist(witnessed, who + " was killed by the " + creature + " in "
                    + locationName(world, where) + ".");
            Whereabouts.npcIdsAt(world, clock, where, at).forEach(npcId -> notable.add(new Notable(npcId,
                    who + " was killed by the " + creature + " here.", 5, witnessed, news)));
        }
    }

    private static String npcName(World world, String npcId) {
        return world.npc(npcId).map(Npc::name).orElse(npcId);
    }

    private static String locationName(World world, String locationId) {
        return world.location(locationId).map(Location::name).orElse(locationId);
    }
}
