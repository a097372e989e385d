package com.langomni.world.service;

import java.util.List;

/** Why the rule narrator answered ({@code NarrationChunk.fallbackReason}); a closed set, also a metric tag. */
public final class FallbackReasons {
    /** No LLM is configured. */
    public static final String DISABLED = "disabled";
    public static final String TIMEOUT = "timeout";
    public static final String ERROR = "error";
    /** The admission queue was full. */
    public static final String BUSY = "busy";
    public static final String CIRCUIT_OPEN = "circuit_open";

    public static final List<String> ALL = List.of(DISABLED, TIMEOUT, ERROR, BUSY, CIRCUIT_OPEN);

    private FallbackReasons() {
    }
}
