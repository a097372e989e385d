package com.langomni.api.narration;

/** Tokens one LLM call used, as the backend reported them ({@code usage} of the OpenAI API). */
public record TokenUsage(int promptTokens, int completionTokens) {
    public static final TokenUsage NONE = new TokenUsage(0, 0);
}
