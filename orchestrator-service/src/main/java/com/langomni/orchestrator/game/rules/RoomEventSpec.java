package com.langomni.orchestrator.game.rules;

/**
 * Something others in {@code locationId} should see, written in the third person ("Ada arrives from the south.").
 * The actor is never among the receivers.
 *
 * @param kind one of {@code com.langomni.api.protocol.EventKinds}
 */
public record RoomEventSpec(String locationId, String kind, String text) {
}
