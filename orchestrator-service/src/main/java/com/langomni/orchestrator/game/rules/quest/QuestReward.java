package com.langomni.orchestrator.game.rules.quest;

import java.util.List;

/**
 * What completing a quest gives: items into the pack, HP restored (never above the maximum), experience and
 * reputation (a player's XP and reputation are the sums over the quests they completed).
 */
public record QuestReward(List<String> items, int hp, int xp, int reputation) {

    public static final QuestReward NONE = new QuestReward(List.of(), 0, 0, 0);

    public QuestReward {
        items = List.copyOf(items);
    }
}
