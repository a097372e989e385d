package com.langomni.orchestrator.game.rules.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shared mutable state of one location: items on the ground, creatures, exits unlocked by players.
 * Immutable snapshot; the rules engine returns a new one when it changes.
 */
public record LocationState(String locationId, List<String> items, Map<String, CreatureState> creatures,
                            Set<String> unlockedExits) {

    public LocationState {
        items = List.copyOf(items);
        creatures = Map.copyOf(creatures);
        unlockedExits = Set.copyOf(unlockedExits);
    }
}
