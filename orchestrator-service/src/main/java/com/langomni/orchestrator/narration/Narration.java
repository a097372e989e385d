package com.langomni.orchestrator.narration;

/**
 * The text a player gets for an action.
 *
 * @param source  {@code llm}, {@code rules} or {@code cache}
 * @param npcLine what an NPC said in it, when the action addressed one (kept in the NPC's memory)
 */
public record Narration(String text, String source, String npcLine) {
    public static final String SOURCE_RULES = "rules";
    public static final String SOURCE_LLM = "llm";
    public static final String SOURCE_CACHE = "cache";
}
