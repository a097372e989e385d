package com.langomni.orchestrator.game.rules.model;

import java.util.List;

/**
 * A creature that can be fought.
 *
 * @param hostile        hostile creatures strike back when attacked
 * @param loot           item ids dropped on the ground when it dies
 * @param respawnSeconds time until it appears again after dying
 */
public record CreatureDef(String id, String name, List<String> aliases, String description, int maxHp,
                          int damageMin, int damageMax, boolean hostile, List<String> loot, int respawnSeconds) {
}
