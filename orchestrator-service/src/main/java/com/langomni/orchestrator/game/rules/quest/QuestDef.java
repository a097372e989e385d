package com.langomni.orchestrator.game.rules.quest;

import java.util.List;

/**
 * A quest as the world pack authors it.
 *
 * @param giver         the NPC who gives it: talking to them accepts it once its prerequisites are done
 * @param summary       one or two sentences on what it is about, as players read them
 * @param prerequisites ids of the quests that must be completed before this one is offered
 * @param steps         at least one, done in order
 */
public record QuestDef(String id, String name, String giver, String summary, List<String> prerequisites,
                       List<QuestStep> steps, QuestReward reward) {

    public QuestDef {
        prerequisites = List.copyOf(prerequisites);
        steps = List.copyOf(steps);
    }
}
