package com.langomni.api.game;

import java.util.List;

/** A player's state as sent to clients. */
public record PlayerView(String id, String name, String locationId, int hp, int maxHp, List<ItemView> inventory) {
}
