package com.langomni.api.game;

/** An item as a player sees it. */
public record ItemView(String id, String name) {
}
