package com.langomni.api.npc;

import com.langomni.api.narration.TokenUsage;

/**
 * The NPC's line and where it came from: {@code llm} or {@code rules} (retrieval dialog).
 *
 * @param usage tokens the LLM call used ({@link TokenUsage#NONE} for rules; null from an older npc-llm-service)
 */
public record NpcReplyResponse(String text, String source, TokenUsage usage) {

    public NpcReplyResponse(String text, String source) {
        this(text, source, TokenUsage.NONE);
    }
}
