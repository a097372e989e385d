package com.langomni.orchestrator.game.rules.model;

import com.langomni.orchestrator.game.rules.quest.QuestDef;
import com.langomni.orchestrator.game.rules.world.WorldEventKind;
import java.util.Map;
import java.util.Optional;

/**
 * The authored world, immutable once loaded from the world pack: locations, item, NPC, creature and quest
 * definitions, and the kinds of world event an admin may start.
 * Mutable parts (items on the ground, creature HP, unlocked exits) live in {@link LocationState}.
 *
 * @param events the kinds of world event an admin may start, by id
 * @param quests the quests in pack order (the order quests are offered and listed in)
 */
public record World(String version, String startLocationId, Map<String, Location> locations,
                    Map<String, ItemDef> items, Map<String, Npc> npcs, Map<String, CreatureDef> creatures,
                    Map<String, WorldEventKind> events, Map<String, QuestDef> quests) {

    public World {
        events = events == null ? Map.of() : events;
        quests = quests == null ? Map.of() : quests;
    }

    /** A world without event kinds or quests. */
    public World(String version, String startLocationId, Map<String, Location> locations, Map<String, ItemDef> items,
                 Map<String, Npc> npcs, Map<String, CreatureDef> creatures) {
        this(version, startLocationId, locations, items, npcs, creatures, Map.of(), Map.of());
    }

    public Optional<WorldEventKind> event(String id) {
        return Optional.ofNullable(id == null ? null : events.get(id));
    }

    public Optional<QuestDef> quest(String id) {
        return Optional.ofNullable(id == null ? null : quests.get(id));
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
