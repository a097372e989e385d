package com.langomni.api.narration;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event of world-llm-service {@code POST /api/narrate/stream} (server-sent events, one JSON object per
 * {@code data:} line): zero or more deltas, then exactly one final chunk with {@code done = true}.
 * <p>
 * The final chunk's {@code text} is the whole narration and wins over the deltas: when the LLM fails after some
 * deltas were sent, the final chunk carries the rule narrator's text with {@code source = "rules"}.
 *
 * @param delta          the next piece of text (deltas only)
 * @param done           true on the final chunk
 * @param text           the full narration (final chunk only)
 * @param source         {@code llm} or {@code rules} (final chunk only)
 * @param usage          tokens the LLM call used (final chunk only; zero for rules)
 * @param fallbackReason why the rules answered ({@link FallbackReason}: {@code disabled}, {@code timeout},
 *                       {@code error}, {@code busy} or {@code circuit_open}; final chunk only, null when the LLM
 *                       answered)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NarrationChunk(String delta, boolean done, String text, String source, TokenUsage usage,
                             FallbackReason fallbackReason) {

    public static NarrationChunk delta(String delta) {
        return new NarrationChunk(delta, false, null, null, null, null);
    }

    public static NarrationChunk llm(String text, TokenUsage usage) {
        return new NarrationChunk(null, true, text, "llm", usage, null);
    }

    public static NarrationChunk rules(String text, FallbackReason fallbackReason) {
        return new NarrationChunk(null, true, text, "rules", TokenUsage.NONE, fallbackReason);
    }
}
