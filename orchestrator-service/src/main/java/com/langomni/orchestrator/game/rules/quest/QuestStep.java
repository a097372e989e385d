package com.langomni.orchestrator.game.rules.quest;

/**
 * One step of a quest.
 *
 * @param text     what the step asks, as players read it ("Kill the giant rat in the inn cellar.")
 * @param together how many players holding the quest must stand in the same place for the step to complete (1: the
 *                 player alone). With 2, the step's trigger completes it only while another player who has reached
 *                 this step of the same quest (or finished the quest) is in the same location: each of them acts in
 *                 the other's presence.
 */
public record QuestStep(String text, QuestTrigger trigger, int together) {
}
