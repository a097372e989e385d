package com.langomni.api.protocol;

/** Marker for every frame the gateway sends to a player socket; {@code type()} names the frame. */
public sealed interface ServerFrame permits WelcomeFrame, NarrationFrame, ResultFrame, EventFrame, ErrorFrame, PongFrame {
    String type();
}
