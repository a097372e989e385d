package com.langomni.npc.service;

/**
 * What a call to the NPC replicas was for: the {@code role} tag of {@code langomni.llm.tokens}, the meter the
 * orchestrator also keeps with {@code role=world}, so one query sums the tokens of every service.
 */
public enum LlmRole {
    /** An NPC's spoken line. */
    NPC("npc"),
    /** Rating a memory's importance for memory-service's write path. */
    IMPORTANCE("importance"),
    /** Drawing insights from an owner's memories, and rating each insight. */
    REFLECTION("reflection");

    private final String tag;

    LlmRole(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
