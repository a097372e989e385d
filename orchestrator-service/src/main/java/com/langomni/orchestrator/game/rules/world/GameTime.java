package com.langomni.orchestrator.game.rules.world;

/**
 * A moment on the game clock.
 *
 * @param day    1 for the first game day
 * @param hour   0..23
 * @param minute 0..59
 * @param night  whether it is night by the clock's hours
 */
public record GameTime(long day, int hour, int minute, boolean night) {

    public static final String DAY = "day";
    public static final String NIGHT = "night";

    /** "21:05". */
    public String clock() {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", hour, minute);
    }

    /** {@value #DAY} or {@value #NIGHT}. */
    public String period() {
        return night ? NIGHT : DAY;
    }
}
