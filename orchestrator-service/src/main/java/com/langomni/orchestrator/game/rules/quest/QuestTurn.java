package com.langomni.orchestrator.game.rules.quest;

import com.langomni.api.quest.QuestUpdate;
import com.langomni.orchestrator.game.rules.Outcome;
import java.util.List;
import java.util.Map;

/**
 * What one action did to quests.
 *
 * @param outcome  the action's outcome with its quest consequences in it: the player with their rewards, the log's
 *                 facts for QUESTS/QUEST
 * @param log      the actor's quest log after the action
 * @param changes  every quest row to write, the actor's and any companion's (a party member who shares progress)
 * @param grants   rewards earned by companions who shared the progress; the caller gives them (the actor's own are
 *                 already in {@code outcome.player()})
 * @param updates  what happened to the actor's quests, in order, for the player's answer
 * @param npcNotes what the NPC the player addressed is to know of their quests with it (empty when none)
 */
public record QuestTurn(Outcome outcome, QuestLog log, List<Change> changes, Map<String, QuestReward> grants,
                        List<QuestUpdate> updates, List<NpcQuestNote> npcNotes) {

    /** One player's progress in one quest, to be written. */
    public record Change(String playerId, QuestProgress progress) {
    }

    public QuestTurn {
        changes = List.copyOf(changes);
        grants = Map.copyOf(grants);
        updates = List.copyOf(updates);
        npcNotes = List.copyOf(npcNotes);
    }
}
