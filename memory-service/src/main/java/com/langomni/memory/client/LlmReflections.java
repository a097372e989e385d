package com.langomni.memory.client;

import com.langomni.api.memory.Reflection;
import com.langomni.api.narration.TokenUsage;
import java.util.List;

/**
 * What npc-llm answered to "reflect on these memories".
 *
 * @param reflections the insights to store; empty when there are none to use (npc-llm down, slow, without LLM, or
 *                    nothing usable)
 * @param usage       the tokens npc-llm reports the reflection cost, also when nothing was usable (they were spent);
 *                    {@link TokenUsage#NONE} when nothing was reported
 */
public record LlmReflections(List<Reflection> reflections, TokenUsage usage) {

    public static final LlmReflections NONE = new LlmReflections(List.of(), TokenUsage.NONE);

    public LlmReflections {
        reflections = List.copyOf(reflections);
        usage = usage == null ? TokenUsage.NONE : usage;
    }
}
