package com.langomni.orchestrator.game.rules;

/** Set on an outcome when the player addressed an NPC: the NPC service writes the reply. */
public record NpcTalk(String npcId, String topic, String said) {
}
