package com.langomni.orchestrator.admin;

import java.time.Instant;

/**
 * A row of {@code GET /api/admin/players}.
 *
 * @param lastAction   the player's newest event, null when none
 * @param actionsToday events by the player since 00:00 UTC
 * @param bannedUntil  ISO-8601 instant until which the player is banned; null when not banned
 */
public record AdminPlayer(String id, String name, String role, boolean online, String locationId,
                          String locationName, int hp, int maxHp, LastAction lastAction, long actionsToday,
                          String bannedUntil) {

    /** The ban in force on a row (ISO-8601), or null when none is. */
    static String bannedUntil(Instant bannedUntil, Instant now) {
        return bannedUntil != null && bannedUntil.isAfter(now) ? bannedUntil.toString() : null;
    }

    /** What the player typed last, and when (epoch millis). */
    public record LastAction(String text, long at) {
    }
}
