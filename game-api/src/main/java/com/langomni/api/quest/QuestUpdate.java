package com.langomni.api.quest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an action did to one of the player's quests, decided by the rules (game-words {@code QuestText} words it).
 *
 * @param kind      {@link #ACCEPTED}, {@link #STEP_DONE}, {@link #COMPLETED} or {@link #WAITING} (the step's trigger
 *                  was met but it needs more players holding the quest in the same place)
 * @param step      the 1-based number of the step concerned (the one done, or the one waiting)
 * @param stepText  what that step asked
 * @param next      what the next step asks, null when none
 * @param rewards   what the player received on completion; null otherwise
 * @param needed    for {@link #WAITING}: how many players the step needs in all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestUpdate(String kind, String quest, String questName, String giverName, int step, String stepText,
                          String next, QuestRewardView rewards, int needed) {

    public static final String ACCEPTED = "accepted";
    public static final String STEP_DONE = "step_done";
    public static final String COMPLETED = "completed";
    public static final String WAITING = "waiting";
}
