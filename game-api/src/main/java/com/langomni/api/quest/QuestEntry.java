package com.langomni.api.quest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One quest as a player sees it in their log ({@code quests}, {@code quest <name>}, {@code GET /api/game/quests}).
 *
 * @param status     {@code active} or {@code done}
 * @param step       the 1-based number of the step being worked on ({@code steps} when done)
 * @param steps      how many steps the quest has
 * @param current    what the current step asks, null when done
 * @param stepsDone  what the steps already done asked, in order
 * @param rewards    what completing it gives
 * @param together   how many players the current step needs in the same place (1 for a step done alone)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestEntry(String id, String name, String giver, String giverName, String summary, String status,
                         int step, int steps, String current, List<String> stepsDone, QuestRewardView rewards,
                         int together) {

    public static final String ACTIVE = "active";
    public static final String DONE = "done";

    public boolean done() {
        return DONE.equals(status);
    }
}
