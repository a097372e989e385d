package com.langomni.orchestrator.admin;

import com.langomni.api.game.ItemView;
import java.util.List;

/**
 * Body of {@code GET /api/admin/players/{id}} and of the admin actions: an {@link AdminPlayer} with the player's
 * inventory, creation time (epoch millis) and newest events.
 */
public record AdminPlayerDetail(String id, String name, String role, boolean online, String locationId,
                                String locationName, int hp, int maxHp, AdminPlayer.LastAction lastAction,
                                long actionsToday, String bannedUntil, List<ItemView> inventory, long createdAt,
                                List<Event> recentEvents) {

    /** One event of the log, newest first. */
    public record Event(long at, String locationId, String verb, String text, boolean success, String message) {
    }
}
