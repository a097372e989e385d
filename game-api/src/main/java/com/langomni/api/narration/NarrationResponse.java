package com.langomni.api.narration;

/** Narrated text and where it came from: {@code llm}, {@code rules} or {@code cache}. */
public record NarrationResponse(String text, String source) {
}
