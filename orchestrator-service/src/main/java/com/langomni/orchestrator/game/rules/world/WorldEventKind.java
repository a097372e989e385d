package com.langomni.orchestrator.game.rules.world;

import java.util.Set;

/**
 * A kind of world event an admin can start ("a storm rolls in"), authored in the pack. The rules apply its effects
 * while it lasts: its {@code ambience} joins every description and narration, and the exits it {@code blocks}
 * (as {@code location/direction}) cannot be taken.
 *
 * @param announcement what every player is told when it starts
 * @param ambience     how the world looks while it lasts
 * @param ending       what every player is told when it ends; may be null
 */
public record WorldEventKind(String id, String name, String announcement, String ambience, String ending,
                             int durationSeconds, Set<String> blocks) {

    public WorldEventKind {
        blocks = Set.copyOf(blocks);
    }

    /** The key of an exit in {@link #blocks()}. */
    public static String exitKey(String locationId, String direction) {
        return locationId + "/" + direction;
    }

    public boolean blocks(String locationId, String direction) {
        return blocks.contains(exitKey(locationId, direction));
    }
}
