package com.langomni.npc.service;

import com.langomni.api.narration.TokenUsage;

/** Sums of {@link TokenUsage}; null (not reported) counts as none. */
final class Tokens {

    private Tokens() {
    }

    static TokenUsage plus(TokenUsage a, TokenUsage b) {
        if (a == null || a.equals(TokenUsage.NONE)) {
            return b == null ? TokenUsage.NONE : b;
        }
        if (b == null || b.equals(TokenUsage.NONE)) {
            return a;
        }
        return new TokenUsage(a.promptTokens() + b.promptTokens(), a.completionTokens() + b.completionTokens());
    }
}
