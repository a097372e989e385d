package com.langomni.api.memory;

import java.util.List;

/**
 * One insight drawn from memories.
 *
 * @param text       the insight, one sentence
 * @param evidence   ids of the given memories it rests on (never an id that was not given), at least one
 * @param importance 1..10
 */
public record Reflection(String text, List<String> evidence, int importance) {
    public Reflection {
        evidence = List.copyOf(evidence);
    }
}
