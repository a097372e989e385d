package com.langomni.api.memory;

import java.util.List;

/**
 * Reflections on an owner's memories: {@code source llm} with what the model drew, or {@code rules} with none
 * (no model configured, or it failed or answered nothing usable): the caller keeps its counter and asks later.
 */
public record ReflectResponse(List<Reflection> reflections, String source) {
    public ReflectResponse {
        reflections = List.copyOf(reflections);
    }

    public static ReflectResponse rules() {
        return new ReflectResponse(List.of(), ImportanceResponse.RULES);
    }

    public static ReflectResponse llm(List<Reflection> reflections) {
        return new ReflectResponse(reflections, ImportanceResponse.LLM);
    }
}
