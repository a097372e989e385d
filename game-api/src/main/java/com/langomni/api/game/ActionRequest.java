package com.langomni.api.game;

/**
 * Body of {@code POST /api/game/action}; the player comes from the bearer token.
 *
 * @param id   client-chosen action id, echoed in every frame about this action
 * @param text what the player typed
 */
public record ActionRequest(String id, String text) {
}
