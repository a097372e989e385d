package com.langomni.simulator.domain;

/**
 * One sequence to generate.
 *
 * @param promptTokens rendered prompt token ids
 * @param maxTokens    completion budget, already checked against the context window
 * @param ignoreEos    vLLM's ignore_eos: always generate {@code maxTokens}
 * @param seed         seeds the generated words and their natural length
 */
public record GenerationRequest(long[] promptTokens, int maxTokens, boolean ignoreEos, long seed) {
    public GenerationRequest {
        if (promptTokens.length == 0 || maxTokens < 1) {
            throw new IllegalArgumentException("a request needs a prompt and max_tokens >= 1");
        }
    }

    /** A seed derived from the prompt, so the same prompt yields the same answer. */
    public static long seedOf(long[] promptTokens) {
        long h = 1125899906842597L;
        for (long t : promptTokens) {
            h = 31 * h + t;
        }
        return h;
    }
}
