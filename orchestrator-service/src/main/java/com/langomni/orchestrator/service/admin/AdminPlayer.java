package com.langomni.orchestrator.service.admin;

/**
 * A row of {@code GET /api/admin/players}.
 *
 * @param lastAction   the player's newest event, null when none
 * @param actionsToday events by the player since 00:00 UTC
 */
public record AdminPlayer(String id, String name, String role, boolean online, String locationId,
                          String locationName, int hp, int maxHp, LastAction lastAction, long actionsToday) {

    /** What the player typed last, and when (epoch millis). */
    public record LastAction(String text, long at) {
    }
}
