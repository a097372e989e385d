package com.langomni.orchestrator.game.quest;

import com.langomni.orchestrator.game.rules.quest.Companion;
import com.langomni.orchestrator.game.rules.quest.QuestLog;
import com.langomni.orchestrator.game.rules.quest.QuestProgress;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Quest progress rows; every call runs in the caller's session (the action's transaction). */
@ApplicationScoped
public class QuestRepository implements PanacheRepositoryBase<PlayerQuestEntity, PlayerQuestEntity.Key> {

    /** A player's quest log. */
    public Uni<QuestLog> log(String playerId) {
        return list("playerId", UUID.fromString(playerId)).map(QuestRepository::toLog);
    }

    /**
     * Other players standing in {@code locationId} (as the world records them) with their progress in the given
     * quests: the companions a step done together counts.
     */
    public Uni<List<Companion>> holdersAt(String locationId, String exceptPlayerId, Collection<String> questIds) {
        if (questIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("select q from PlayerQuestEntity q, PlayerEntity p where p.id = q.playerId and p.locationId = ?1"
                        + " and q.playerId <> ?2 and q.questId in ?3", locationId, UUID.fromString(exceptPlayerId),
                questIds).list()
                .map(rows -> {
                    Map<UUID, Map<String, QuestProgress>> byPlayer = new HashMap<>();
                    for (PlayerQuestEntity row : rows) {
                        byPlayer.computeIfAbsent(row.playerId, id -> new HashMap<>()).put(row.questId, row.progress());
                    }
                    return byPlayer.entrySet().stream()
                            .map(e -> new Companion(e.getKey().toString(), locationId, new QuestLog(e.getValue()),
                                    false))
                            .toList();
                });
    }

    /** Writes one player's progress in one quest (insert on acceptance, update after). */
    public Uni<Void> save(String playerId, QuestProgress progress, Instant now) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        insert into player_quests (player_id, quest_id, step, status, accepted_at, updated_at,
                                                   completed_at)
                        values (:player, :quest, :step, :status, :now, :now, :completed)
                        on conflict (player_id, quest_id) do update
                           set step = excluded.step, status = excluded.status, updated_at = excluded.updated_at,
                               completed_at = coalesce(player_quests.completed_at, excluded.completed_at)""")
                .setParameter("player", UUID.fromString(playerId))
                .setParameter("quest", progress.questId())
                .setParameter("step", progress.step())
                .setParameter("status", progress.done() ? PlayerQuestEntity.DONE : PlayerQuestEntity.ACTIVE)
                .setParameter("now", now)
                .setParameter("completed", progress.done() ? now : null)
                .executeUpdate()
                .replaceWithVoid());
    }

    private static QuestLog toLog(List<PlayerQuestEntity> rows) {
        Map<String, QuestProgress> quests = new HashMap<>();
        for (PlayerQuestEntity row : rows) {
            quests.put(row.questId, row.progress());
        }
        return new QuestLog(quests);
    }
}
