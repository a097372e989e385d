package com.langomni.npc.domain;

/**
 * How much of an importance or reflection request reaches the model.
 *
 * @param maxMemoryChars  one memory's text (longer ones are cut)
 * @param maxPromptChars  a reflection prompt: memories past this are left out, in the order given
 * @param maxReflections  insights asked for and kept
 * @param maxInsightChars one insight's text
 */
public record InsightLimits(int maxMemoryChars, int maxPromptChars, int maxReflections, int maxInsightChars) {
    public InsightLimits {
        if (maxMemoryChars < 1 || maxPromptChars < 1 || maxReflections < 1 || maxInsightChars < 1) {
            throw new IllegalArgumentException("insight limits must be positive: " + this);
        }
    }
}
