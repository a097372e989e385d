package com.langomni.api.protocol;

/** One streamed chunk of narration for an action; the matching {@link ResultFrame} follows. */
public record NarrationFrame(String type, String actionId, String delta) implements ServerFrame {
    public static NarrationFrame of(String actionId, String delta) {
        return new NarrationFrame("narration", actionId, delta);
    }
}
