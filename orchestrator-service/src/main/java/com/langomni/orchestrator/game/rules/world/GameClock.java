package com.langomni.orchestrator.game.rules.world;

/**
 * The game's clock: a pure function of wall time. One game day lasts {@code dayLengthMillis} of real time and
 * starts at midnight; day 1 begins at {@code epochMillis}. Night runs from {@code nightStartsHour} to
 * {@code dayStartsHour} (wrapping past midnight when the first is later).
 */
public record GameClock(long dayLengthMillis, long epochMillis, int nightStartsHour, int dayStartsHour) {

    /** One real hour per game day, counted from the Unix epoch, night from 20:00 to 06:00. */
    public static final GameClock DEFAULT = new GameClock(3_600_000L, 0L, 20, 6);

    public GameClock {
        if (dayLengthMillis < 24 * 60) {
            throw new IllegalArgumentException("a game day lasts at least 1440 ms (one per game minute)");
        }
        if (nightStartsHour < 0 || nightStartsHour > 23 || dayStartsHour < 0 || dayStartsHour > 23
                || nightStartsHour == dayStartsHour) {
            throw new IllegalArgumentException("night and day start at two different hours in 0..23");
        }
    }

    /** The game time at {@code nowMillis}. */
    public GameTime at(long nowMillis) {
        long elapsed = nowMillis - epochMillis;
        long day = Math.floorDiv(elapsed, dayLengthMillis) + 1;
        long into = Math.floorMod(elapsed, dayLengthMillis);
        int minuteOfDay = (int) (into * (24L * 60L) / dayLengthMillis);
        int hour = minuteOfDay / 60;
        return new GameTime(day, hour, minuteOfDay % 60, nightAt(hour));
    }

    /** Whether {@code hour} (0..23) falls in the night. */
    public boolean nightAt(int hour) {
        return nightStartsHour > dayStartsHour
                ? hour >= nightStartsHour || hour < dayStartsHour
                : hour >= nightStartsHour && hour < dayStartsHour;
    }
}
