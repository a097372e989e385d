package com.langomni.orchestrator.admin;

import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;

/**
 * What an admin may do to a player's state, as rule-shaped changes: a move only to a place the world has, and HP
 * back to the player's own maximum. Nothing else about the player changes.
 */
public final class AdminOrders {

    private AdminOrders() {
    }

    /**
     * The player, standing in {@code locationId}.
     *
     * @throws IllegalArgumentException for a location the world does not have
     */
    public static PlayerState teleport(World world, PlayerState player, String locationId) {
        if (locationId == null || world.location(locationId).isEmpty()) {
            throw new IllegalArgumentException("unknown location '" + locationId + "'");
        }
        return player.withLocation(locationId);
    }

    /** The player with full HP. */
    public static PlayerState restoreHp(PlayerState player) {
        return player.withHp(player.maxHp());
    }
}
