package com.langomni.api.game;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The orchestrator's answer to the gateway for one forwarded action: an acknowledgement, since the answer itself
 * (result or error) reaches the player through the outbox like every other frame.
 *
 * @param seq   the outbox sequence number of the answer; null when the outbox could not be written
 * @param frame the answer's frame JSON, only when the outbox could not be written: the gateway sends it as is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionAck(String actionId, Long seq, String frame) {
}
