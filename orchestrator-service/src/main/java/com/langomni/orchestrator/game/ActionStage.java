package com.langomni.orchestrator.game;

import java.util.Locale;

/**
 * The steps of the action pipeline an action's time is split into ({@code stage} tag of
 * {@code langomni.action.stage.duration}). The stages do not overlap; their sum is about the end-to-end time.
 */
public enum ActionStage {
    /** The Redis token bucket. */
    RATE_LIMIT,
    /** Waiting for the per-player lock (recorded once it is held). */
    LOCK_WAIT,
    /** The world's moderation checking what the player wrote for others (say, tell, talk, free text). */
    MODERATION,
    /** The player's state from the Redis hot cache, PostgreSQL behind it. */
    LOAD,
    /** The rules engine deciding, in memory. */
    RULES,
    /** The PostgreSQL transaction (location, player and event rows), without the rules' own time. */
    PERSIST,
    /** After the commit: hot-state write-through, presence, room events. */
    FANOUT,
    /** Appending the memories the action leaves to the memory write queue. */
    MEMORY_QUEUE,
    /** Who is in the room and what happened there lately, for the view and the narrator. */
    VIEW,
    /** Response cache, world-llm stream or npc-llm reply, or the rules' text. */
    NARRATION,
    /** Remembering an NPC conversation (NPC talk only). */
    CONVERSATION,
    /** Publishing the result frame to the player's channel. */
    PUBLISH,
    /** Pronouns replaced by the last referent, and an intent proposed for words the parser did not map. */
    INTENT;

    private final String tag = name().toLowerCase(Locale.ROOT);

    public String tag() {
        return tag;
    }
}
