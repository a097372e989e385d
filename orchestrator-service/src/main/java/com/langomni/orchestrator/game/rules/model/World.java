package com.langomni.orchestrator.game.rules.model;

import java.util.Map;
import java.util.Optional;

/**
 * The authored world, immutable once loaded from the world pack: locations, item, NPC and creature definitions.
 * Mutable parts (items on the ground, creature HP, unlocked exits) live in {@link LocationState}.
 */
public record World(String version, String startLocationId, Map<String, Location> locations,
                    Map<String, ItemDef> items, Map<String, Npc> npcs, Map<String, CreatureDef> creatures) {

    public Optional<Location> location(String id) {
        return Optional.ofNullable(locations.get(id));
    }

    public Optional<ItemDef> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    public Optional<Npc> npc(String id) {
        return Optional.ofNullable(npcs.get(id));
    }

    public Optional<CreatureDef> creature(String id) {
        return Optional.ofNullable(creatures.get(id));
    }
}
