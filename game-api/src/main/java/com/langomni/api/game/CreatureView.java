package com.langomni.api.game;

/** A creature present in a location; {@code hostile} creatures fight back. */
public record CreatureView(String id, String name, int hp, int maxHp, boolean hostile) {
}
