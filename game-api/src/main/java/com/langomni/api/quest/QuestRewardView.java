package com.langomni.api.quest;

import java.util.List;

/**
 * A quest's reward as players see it.
 *
 * @param items the names of the items it gives
 * @param hp    HP restored (never above the maximum)
 */
public record QuestRewardView(List<String> items, int hp, int xp, int reputation) {

    public QuestRewardView {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
