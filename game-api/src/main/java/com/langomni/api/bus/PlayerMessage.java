package com.langomni.api.bus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload on a player channel.
 *
 * @param frame      JSON text of a server frame to forward to the player's sockets as is (null for a control)
 * @param control    null, {@code kick} (close the player's sockets) or {@code moved} (location changed outside
 *                   an action: admin move, respawn)
 * @param locationId the player's location after this message when it is known, so gateways keep their room
 *                   index without parsing frames
 * @param reason     human text for a control
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlayerMessage(String frame, String control, String locationId, String reason) {
    public static PlayerMessage frame(String json, String locationId) {
        return new PlayerMessage(json, null, locationId, null);
    }
}
