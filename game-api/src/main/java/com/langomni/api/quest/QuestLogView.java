package com.langomni.api.quest;

import java.util.List;

/**
 * Body of {@code GET /api/game/quests}: the caller's quests, active first then done, and what their finished
 * quests earned them (XP and reputation are the sums of the rewards of the quests they completed).
 */
public record QuestLogView(List<QuestEntry> quests, int xp, int reputation) {
}
