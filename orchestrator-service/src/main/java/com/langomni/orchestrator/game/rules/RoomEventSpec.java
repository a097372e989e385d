package com.langomni.orchestrator.game.rules;

/**
 * Something others in {@code locationId} should see; its words come from the outcome's facts (game-words
 * {@code RoomLines}). The actor is never among the receivers.
 *
 * @param kind one of {@code com.langomni.api.protocol.EventKinds}
 */
public record RoomEventSpec(String locationId, String kind) {
}
