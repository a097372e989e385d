package com.langomni.world.service;

import java.util.Locale;

/** How much a narration is worth keeping the model for when it saturates ({@code NarrationRequest.priority}). */
public enum Priority {
    /** Combat, a first look, an arrival: may wait for a slot as long as the whole queue allows. */
    HIGH,
    /** Everything else: waits only while the queue is short, else the rules answer at once. */
    NORMAL;

    /** {@code high} is high; anything else, null included, is normal. */
    public static Priority of(String value) {
        return "high".equals(value) ? HIGH : NORMAL;
    }

    /** The metric tag and JSON value: {@code high} or {@code normal}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
