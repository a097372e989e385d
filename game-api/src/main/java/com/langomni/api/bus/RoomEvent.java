package com.langomni.api.bus;

import com.langomni.api.protocol.EventFrame;

/**
 * Payload on a location channel: an event for every player in {@code locationId} except {@code excludePlayerId}
 * (the actor, who gets a {@code result} instead; null to include everyone).
 */
public record RoomEvent(String locationId, String excludePlayerId, EventFrame event) {
}
