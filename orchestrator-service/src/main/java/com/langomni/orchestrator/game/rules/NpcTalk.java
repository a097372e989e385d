package com.langomni.orchestrator.game.rules;

import java.util.List;

/**
 * Set on an outcome when the player addressed an NPC: the NPC service writes the reply.
 *
 * @param facts what the rules know of the player that bears on this NPC (their quests with it), for the reply to
 *              agree with; empty when none
 */
public record NpcTalk(String npcId, String topic, String said, List<String> facts) {

    public NpcTalk {
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    public NpcTalk(String npcId, String topic, String said) {
        this(npcId, topic, said, List.of());
    }

    public NpcTalk withFacts(List<String> newFacts) {
        return new NpcTalk(npcId, topic, said, newFacts);
    }
}
