package com.langomni.npc.service;

import com.langomni.api.narration.TokenUsage;

/**
 * No replica produced a line; {@link #reason()} is the fallback reason exported in metrics
 * ({@code no_replica}, {@code all_failed}, {@code rejected}, {@code empty}, {@code timeout}).
 * {@link #usage()} is what the request spent anyway, as far as the replicas reported it (see
 * {@link LlmLineGenerator}): {@link TokenUsage#NONE} unless an attempt reported usage before it failed, or the
 * answer came whole but was unusable ({@code empty}).
 */
public class NoLineException extends RuntimeException {
    private final String reason;
    private final TokenUsage usage;

    public NoLineException(String reason, String detail) {
        this(reason, detail, TokenUsage.NONE);
    }

    public NoLineException(String reason, String detail, TokenUsage usage) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
        this.usage = usage == null ? TokenUsage.NONE : usage;
    }

    public String reason() {
        return reason;
    }

    public TokenUsage usage() {
        return usage;
    }

    /** The tokens a failure spent: a {@link NoLineException}'s usage, none for anything else. */
    static TokenUsage spentBy(Throwable failure) {
        return failure instanceof NoLineException n ? n.usage() : TokenUsage.NONE;
    }
}
