package com.langomni.api.protocol;

/**
 * Something another player (or the world) did where the receiving player is.
 *
 * @param kind see {@link EventKinds}
 * @param from display name of the actor
 */
public record EventFrame(String type, String kind, String from, String text) implements ServerFrame {
    public static EventFrame of(String kind, String from, String text) {
        return new EventFrame("event", kind, from, text);
    }
}
