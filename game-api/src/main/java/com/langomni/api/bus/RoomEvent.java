package com.langomni.api.bus;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.langomni.api.protocol.EventFrame;

/**
 * Payload on a location channel: an event for the players who were in {@code locationId} when it happened,
 * except {@code excludePlayerId} (the actor, who gets a {@code result} instead; null to include everyone).
 *
 * @param seqs each recipient's outbox sequence number for this event: the recipients, chosen when it was
 *             appended to their outboxes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomEvent(String locationId, String excludePlayerId, EventFrame event, Map<String, Long> seqs) {
}
