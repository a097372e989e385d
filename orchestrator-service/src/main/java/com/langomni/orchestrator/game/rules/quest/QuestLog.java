package com.langomni.orchestrator.game.rules.quest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One player's quests: every quest they accepted, active or done. Immutable. */
public record QuestLog(Map<String, QuestProgress> quests) {

    public static final QuestLog EMPTY = new QuestLog(Map.of());

    public QuestLog {
        quests = Map.copyOf(quests);
    }

    public Optional<QuestProgress> get(String questId) {
        return Optional.ofNullable(quests.get(questId));
    }

    public boolean holds(String questId) {
        return quests.containsKey(questId);
    }

    public boolean completed(String questId) {
        return get(questId).map(QuestProgress::done).orElse(false);
    }

    public QuestLog with(QuestProgress progress) {
        Map<String, QuestProgress> next = new LinkedHashMap<>(quests);
        next.put(progress.questId(), progress);
        return new QuestLog(next);
    }
}
