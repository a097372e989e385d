package com.langomni.orchestrator.game.rules.quest;

/**
 * Another player whose quests bear on an action: one standing where the actor ends up (for steps done together),
 * or one who shares the actor's quest progress ({@code shares}: a party member, once parties exist).
 */
public record Companion(String playerId, String locationId, QuestLog log, boolean shares) {
}
