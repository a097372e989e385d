package com.langomni.orchestrator.game.rules.model;

import com.langomni.orchestrator.game.rules.quest.QuestDef;
import java.util.Map;
import java.util.Optional;

/**
 * The authored world, immutable once loaded from the world pack: locations, item, NPC, creature and quest
 * definitions.
 * Mutable parts (items on the ground, creature HP, unlocked exits) live in {@link LocationState}.
 */
public record World(String version, String startLocationId, Map<String, Location> locations,
                    Map<String, ItemDef> items, Map<String, Npc> npcs, Map<String, CreatureDef> creatures,
                    Map<String, QuestDef> quests) {

    /** A world without quests. */
    public World(String version, String startLocationId, Map<String, Location> locations,
                 Map<String, ItemDef> items, Map<String, Npc> npcs, Map<String, CreatureDef> creatures) {
        this(version, startLocationId, locations, items, npcs, creatures, Map.of());
    }

    /** The quests in pack order (the order quests are offered and listed in). */
    public Map<String, QuestDef> quests() {
        return quests == null ? Map.of() : quests;
    }

    public Optional<QuestDef> quest(String id) {
        return Optional.ofNullable(quests().get(id));
    }

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
