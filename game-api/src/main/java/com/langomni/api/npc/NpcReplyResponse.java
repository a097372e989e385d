package com.langomni.api.npc;

/** The NPC's line and where it came from: {@code llm} or {@code rules} (retrieval dialog). */
public record NpcReplyResponse(String text, String source) {
}
