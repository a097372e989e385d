package com.langomni.orchestrator.game.rules.quest;

/**
 * The trigger of a quest step.
 *
 * @param target the location (REACH), item (TAKE, GIVE), creature (KILL) or NPC (TALK) id
 * @param npc    for GIVE: the NPC the item goes to; null otherwise
 */
public record QuestTrigger(TriggerKind kind, String target, String npc) {
}
