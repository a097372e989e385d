package com.langomni.words;

import com.langomni.api.game.WorldNow;

/** The words of the living world: the time of day, world events, creatures coming back. */
public final class WorldLines {

    /** The {@code from} of world events. */
    public static final String FROM = "The world";

    private WorldLines() {
    }

    /**
     * "It is night, 21:05 on day 3. A storm lashes Thornwall." for a look; without a time ("It is night.") for a
     * narration shared between players, which must not go stale by the minute.
     */
    public static String now(WorldNow now) {
        StringBuilder line = new StringBuilder("It is ").append(now.night() ? "night" : "day");
        if (now.time() != null) {
            line.append(", ").append(now.time()).append(" on day ").append(now.day());
        }
        line.append('.');
        if (now.eventText() != null && !now.eventText().isBlank()) {
            line.append(' ').append(now.eventText().strip());
        }
        if (now.paused()) {
            line.append(" The world is paused.");
        }
        return line.toString();
    }

    /** What the players in a room see when a creature comes back. */
    public static String respawned(String creatureName) {
        return Text.capitalize("a " + creatureName) + " appears again.";
    }

    public static String paused() {
        return "The world holds its breath: an admin has paused it. You can look around and talk until it runs again.";
    }

    public static String resumed() {
        return "The world breathes again: you can act once more.";
    }

    /** When an event without an authored ending is over. */
    public static String eventEnded(String eventName) {
        return "The " + eventName.toLowerCase(java.util.Locale.ROOT) + " is over.";
    }
}
