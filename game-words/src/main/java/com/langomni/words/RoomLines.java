package com.langomni.words;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Facts.Fought;
import com.langomni.api.outcome.Facts.Moved;
import com.langomni.api.protocol.EventKinds;

/**
 * What others in a room see of an action, in the third person ("Ada arrives from the south."). The rules decide who
 * sees an event of which kind where; this says it, from the same facts as the actor's sentence.
 */
public final class RoomLines {

    private RoomLines() {
    }

    /**
     * @param kind  one of {@link EventKinds}, as the rules named the event
     * @param actor the acting player's name
     * @throws IllegalArgumentException for an event the rules never raise with these facts
     */
    public static String line(String kind, String actor, Facts facts) {
        return switch (facts.kind()) {
            case MOVED -> moved(kind, actor, (Moved) facts);
            case TAKEN -> actor + " picks up the " + ((Facts.Taken) facts).itemName() + ".";
            case DROPPED -> actor + " drops the " + ((Facts.Dropped) facts).itemName() + ".";
            case HEALED -> actor + " uses the " + ((Facts.Healed) facts).itemName() + " and looks better for it.";
            case UNLOCKED -> actor + " unlocks the way " + OutcomeText.ways((Facts.Unlocked) facts) + ".";
            case SAID -> actor + " says, \"" + ((Facts.Said) facts).said() + "\"";
            case TALKED -> {
                var f = (Facts.Talked) facts;
                yield f.topic() == null ? actor + " speaks with " + f.npcName() + "."
                        : actor + " asks " + f.npcName() + " about " + f.topic() + ".";
            }
            case TOLD -> actor + " speaks with " + ((Facts.Told) facts).npcName() + ".";
            case GIVEN -> {
                var f = (Facts.Given) facts;
                yield actor + " gives " + f.npcName() + " the " + f.itemName() + ".";
            }
            case FOUGHT -> fought(kind, actor, (Fought) facts);
            case LOOKED, ITEM_EXAMINED, NPC_EXAMINED, CREATURE_EXAMINED, EXIT_EXAMINED, SELF_EXAMINED, INVENTORY_SHOWN,
                    NO_EFFECT, HELP_SHOWN, QUESTS_SHOWN, NOTHING, REFUSED -> throw unexpected(kind, facts);
            // trades and parties are told to the other side directly (SocialLines), not to the room
            case TRADE_OFFERED, TRADE_ACCEPTED, TRADE_DECLINED, TRADE_CANCELLED, PARTY_INVITED, PARTY_JOINED,
                    PARTY_LEFT, PARTY_SHOWN, PARTY_SAID -> throw unexpected(kind, facts);
        };
    }

    private static String moved(String kind, String actor, Moved f) {
        return switch (kind) {
            case EventKinds.USE -> actor + " unlocks the way " + Ways.name(f.way()) + ".";
            case EventKinds.LEFT -> actor + " " + Ways.leaving(f.way().direction()) + ".";
            case EventKinds.ARRIVED -> actor + " " + Ways.arriving(f.back()) + ".";
            default -> throw unexpected(kind, f);
        };
    }

    /** The blow as seen, the creature's answer, then a death where it happened and the return where they wake. */
    private static String fought(String kind, String actor, Fought f) {
        String creature = f.creatureName();
        return switch (kind) {
            case EventKinds.COMBAT -> {
                String blow = !f.hit() ? actor + " misses the " + creature + "."
                        : f.killed() ? actor + " slays the " + creature + "." : actor + " hits the " + creature + ".";
                String the = Text.capitalize("the " + creature);
                String answer = f.creatureHit() == null ? ""
                        : " " + the + (f.creatureHit() ? " strikes " : " misses ") + actor + ".";
                yield blow + answer;
            }
            case EventKinds.DEATH -> actor + " falls to the " + creature + ".";
            case EventKinds.ARRIVED -> actor + " staggers in, pale and shaken, but alive.";
            default -> throw unexpected(kind, f);
        };
    }

    private static IllegalArgumentException unexpected(String kind, Facts facts) {
        return new IllegalArgumentException("no room line for a '" + kind + "' event of " + facts.kind());
    }
}
