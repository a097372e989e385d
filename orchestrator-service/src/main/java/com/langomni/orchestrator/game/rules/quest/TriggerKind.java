package com.langomni.orchestrator.game.rules.quest;

/** What a quest step waits for; each is checked by {@link QuestRules} against an action's outcome. */
public enum TriggerKind {
    /** The player is at a location after a successful action (arriving there, or acting there). */
    REACH,
    /** The player carries an item after a successful action (picked up now, or earlier). */
    TAKE,
    /** The player gives an item to an NPC. */
    GIVE,
    /** The player's blow kills a creature. */
    KILL,
    /** The player talks to (or tells something to) an NPC. */
    TALK
}
