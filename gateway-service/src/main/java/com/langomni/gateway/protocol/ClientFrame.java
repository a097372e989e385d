package com.langomni.gateway.protocol;

import com.langomni.api.game.ActionRequest;

/** A frame a player sent, already validated: a ping, an action, or the reason it was refused. */
public sealed interface ClientFrame {

    record Ping() implements ClientFrame {
    }

    record Action(ActionRequest request) implements ClientFrame {
    }

    /** @param actionId the frame's id when it had a usable one, so the error frame can refer to it */
    record Invalid(String actionId, String message) implements ClientFrame {
    }
}
