package com.langomni.memory.client;

import com.langomni.api.narration.TokenUsage;

import java.util.OptionalInt;

/**
 * What npc-llm answered to "how important is this memory".
 *
 * @param importance the model's 1..10, empty when there is none to use (npc-llm down, slow, without LLM, or the
 *                   model's answer was no rating)
 * @param usage      the tokens npc-llm reports the rating cost, also when the model's answer was unusable (they were
 *                   spent); {@link TokenUsage#NONE} when nothing was reported (no answer, or an older npc-llm)
 */
public record LlmRating(OptionalInt importance, TokenUsage usage) {

    public static final LlmRating NONE = new LlmRating(OptionalInt.empty(), TokenUsage.NONE);

    public LlmRating {
        usage = usage == null ? TokenUsage.NONE : usage;
    }
}
