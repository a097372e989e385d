package com.langomni.orchestrator.narration;

import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.npc.NpcSpeech;

/** The narration that needs no other service: the rules' own sentence, plus an NPC's authored greeting. */
final class RulesNarration {

    private RulesNarration() {
    }

    static Narration of(Outcome outcome) {
        String greeting = outcome.npcTalk() == null ? null : outcome.facts().get("greeting");
        String npcName = outcome.facts().get("npcName");
        if (greeting == null || greeting.isBlank() || npcName == null) {
            return new Narration(outcome.message(), Narration.SOURCE_RULES, null);
        }
        return new Narration(NpcSpeech.format(outcome.message(), npcName, greeting), Narration.SOURCE_RULES, greeting);
    }
}
