package com.langomni.world.client;

import com.langomni.api.narration.TokenUsage;

/**
 * A finished LLM answer.
 *
 * @param text  the whole generated text
 * @param usage tokens as the backend reported them in its last chunk ({@link TokenUsage#NONE} when it did not)
 */
public record Completion(String text, TokenUsage usage) {
}
