package com.langomni.api.game;

/**
 * Outcome of one action, as returned by {@code POST /api/game/action} and sent as a {@code result} frame.
 *
 * @param source {@code llm}, {@code rules} or {@code cache}
 */
public record ActionResult(String actionId, String text, String source, PlayerView player, LocationView location) {
}
