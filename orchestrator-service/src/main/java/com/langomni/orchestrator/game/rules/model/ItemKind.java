package com.langomni.orchestrator.game.rules.model;

/** What an item is for; decides what {@code use} and {@code attack ... with} do with it. */
public enum ItemKind {
    WEAPON, CONSUMABLE, KEY, TREASURE, MISC
}
