package com.langomni.api.game;

/** Another player, as listed among those present in a location. */
public record PlayerRef(String id, String name) {
}
