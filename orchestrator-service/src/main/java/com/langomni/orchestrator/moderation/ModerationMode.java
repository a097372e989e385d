package com.langomni.orchestrator.moderation;

import java.util.Locale;

/** How a world moderates text: not at all, by the built-in word list, or by an OpenAI-compatible endpoint. */
public enum ModerationMode {
    OFF, WORDS, ENDPOINT;

    /** The mode named {@code name} (any case), or null when none is. */
    public static ModerationMode of(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
