package com.langomni.orchestrator.game.rules.quest;

/**
 * Where one player stands in one quest.
 *
 * @param step the 0-based index of the step being worked on; the number of steps once done
 */
public record QuestProgress(String questId, int step, boolean done) {

    public static QuestProgress accepted(String questId) {
        return new QuestProgress(questId, 0, false);
    }

    /** True when this player has reached step {@code index} (or finished the quest). */
    public boolean reached(int index) {
        return done || step >= index;
    }
}
