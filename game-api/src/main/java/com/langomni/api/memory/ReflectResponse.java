package com.langomni.api.memory;

import com.langomni.api.narration.TokenUsage;
import java.util.List;

/**
 * Reflections on an owner's memories: {@code source llm} with what the model drew, or {@code rules} with none
 * (no model configured, or it failed or answered nothing usable): the caller keeps its counter and asks later.
 *
 * @param usage tokens the reflection cost ({@link TokenUsage#NONE} for rules), for metering
 */
public record ReflectResponse(List<Reflection> reflections, String source, TokenUsage usage) {
    public ReflectResponse {
        reflections = List.copyOf(reflections);
    }

    public ReflectResponse(List<Reflection> reflections, String source) {
        this(reflections, source, TokenUsage.NONE);
    }

    public static ReflectResponse rules() {
        return new ReflectResponse(List.of(), ImportanceResponse.RULES);
    }

    public static ReflectResponse llm(List<Reflection> reflections) {
        return new ReflectResponse(reflections, ImportanceResponse.LLM);
    }

    public static ReflectResponse llm(List<Reflection> reflections, TokenUsage usage) {
        return new ReflectResponse(reflections, ImportanceResponse.LLM, usage);
    }
}
