package com.langomni.api.bus;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a {@link PlayerMessage} without a frame tells the gateways about a player. On the wire its lower-case name
 * ({@code "kick"}, {@code "moved"}); a name this build does not know reads as null, so an older gateway ignores a
 * control added later instead of dropping the message.
 */
public enum Control {
    /** Close the player's sockets (close code 4409); their usual close path marks them offline. */
    KICK,
    /** The player is now in the message's {@code locationId} (a move, an admin move, a respawn). */
    MOVED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The control named {@code wireName}; null for a name this build does not know. */
    @JsonCreator
    public static Control fromWire(String wireName) {
        for (Control control : values()) {
            if (control.wireName().equals(wireName)) {
                return control;
            }
        }
        return null;
    }
}
