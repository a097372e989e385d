package com.langomni.api.memory;

import com.langomni.api.narration.TokenUsage;

/**
 * How poignant a memory is.
 *
 * @param importance 1..10 from the model ({@code source llm}); 0 with {@code source rules}: no model rating, the
 *                   caller applies its own heuristic
 * @param source     {@code llm} or {@code rules}
 * @param usage      tokens the rating cost ({@link TokenUsage#NONE} for rules), for metering
 */
public record ImportanceResponse(int importance, String source, TokenUsage usage) {
    public static final String LLM = "llm";
    public static final String RULES = "rules";

    /** "Use your own heuristic": no model is configured, or it failed or answered something that is no rating. */
    public ImportanceResponse(int importance, String source) {
        this(importance, source, TokenUsage.NONE);
    }

    public static ImportanceResponse rules() {
        return new ImportanceResponse(0, RULES);
    }

    public static ImportanceResponse llm(int importance) {
        return new ImportanceResponse(importance, LLM);
    }

    public static ImportanceResponse llm(int importance, TokenUsage usage) {
        return new ImportanceResponse(importance, LLM, usage);
    }
}
