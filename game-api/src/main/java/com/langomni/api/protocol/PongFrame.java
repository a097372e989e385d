package com.langomni.api.protocol;

/** Answer to a client {@code ping}. */
public record PongFrame(String type) implements ServerFrame {
    public static final PongFrame INSTANCE = new PongFrame("pong");
}
