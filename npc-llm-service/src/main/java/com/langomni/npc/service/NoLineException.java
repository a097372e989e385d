package com.langomni.npc.service;

/**
 * No replica produced a line; {@link #reason()} is the fallback reason exported in metrics
 * ({@code no_replica}, {@code all_failed}, {@code rejected}, {@code empty}, {@code timeout}).
 */
public class NoLineException extends RuntimeException {
    private final String reason;

    public NoLineException(String reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
