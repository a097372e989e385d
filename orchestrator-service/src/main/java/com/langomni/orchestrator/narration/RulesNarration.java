package com.langomni.orchestrator.narration;

import com.langomni.api.outcome.Facts;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.npc.NpcSpeech;
import com.langomni.words.OutcomeText;

/**
 * The narration that needs no other service: the outcome's plain sentence (game-words {@link OutcomeText}, the same
 * words world-llm's narrators start from), plus an NPC's authored greeting when one was talked to.
 */
final class RulesNarration {

    private RulesNarration() {
    }

    static Narration of(Outcome outcome) {
        String text = OutcomeText.of(outcome.facts());
        if (outcome.npcTalk() == null || !(outcome.facts() instanceof Facts.Talked talked)
                || talked.greeting() == null || talked.greeting().isBlank() || talked.npcName() == null) {
            return new Narration(text, Narration.SOURCE_RULES, null);
        }
        return new Narration(NpcSpeech.format(text, talked.npcName(), talked.greeting()), Narration.SOURCE_RULES,
                talked.greeting());
    }
}
