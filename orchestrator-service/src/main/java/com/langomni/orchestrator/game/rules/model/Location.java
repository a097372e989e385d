package com.langomni.orchestrator.game.rules.model;

import java.util.List;

/**
 * An authored location.
 *
 * @param items     item ids lying here when the world starts
 * @param npcs      NPC ids who live here
 * @param creatures creature ids that spawn here (each at most once at a time)
 */
public record Location(String id, String name, String description, List<Exit> exits, List<String> items,
                       List<String> npcs, List<String> creatures) {
}
