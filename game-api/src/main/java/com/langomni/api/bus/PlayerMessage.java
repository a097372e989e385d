package com.langomni.api.bus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload on a player channel.
 *
 * @param seq        the frame's outbox sequence number; null for frames that are not kept (narration deltas)
 * @param frame      JSON text of a server frame to forward to the player's sockets (null for a control); a
 *                   sequenced frame gets its {@code seq} spliced in by the gateway
 * @param control    null for a frame, else what to do ({@link Control}: close the player's sockets, or the
 *                   location changed: a move, an admin move, a respawn)
 * @param locationId the player's location after this message when it is known
 * @param reason     human text for a control
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlayerMessage(Long seq, String frame, Control control, String locationId, String reason) {
    public static PlayerMessage frame(String json, String locationId) {
        return new PlayerMessage(null, json, null, locationId, null);
    }

    public static PlayerMessage control(Control control, String locationId, String reason) {
        return new PlayerMessage(null, null, control, locationId, reason);
    }
}
