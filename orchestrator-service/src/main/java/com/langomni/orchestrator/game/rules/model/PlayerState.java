package com.langomni.orchestrator.game.rules.model;

import java.util.List;

/** A player's mutable game state; immutable snapshot, changed by the rules engine returning a new one. */
public record PlayerState(String id, String name, String locationId, int hp, int maxHp, List<String> inventory) {

    public PlayerState {
        inventory = List.copyOf(inventory);
    }

    public PlayerState withLocation(String newLocationId) {
        return new PlayerState(id, name, newLocationId, hp, maxHp, inventory);
    }

    public PlayerState withHp(int newHp) {
        return new PlayerState(id, name, locationId, Math.max(0, Math.min(maxHp, newHp)), maxHp, inventory);
    }

    public PlayerState withInventory(List<String> newInventory) {
        return new PlayerState(id, name, locationId, hp, maxHp, newInventory);
    }
}
