package com.langomni.orchestrator.game;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The event log. Append and read only: the table refuses updates and deletes. */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<EventEntity, Long> {

    /** A player's newest {@code limit} events, newest first. */
    public Uni<List<EventEntity>> recent(UUID playerId, int limit) {
        return find("playerId", Sort.descending("ts", "id"), playerId).range(0, limit - 1).list();
    }

    /** The event an action id left (the first, should an old log hold it twice), or null. */
    public Uni<EventEntity> byAction(UUID playerId, String actionId) {
        return find("playerId = ?1 and actionId = ?2", Sort.ascending("id"), playerId, actionId).firstResult();
    }

    /** The newest event of each of these players that has any, by player. */
    public Uni<Map<UUID, EventEntity>> latest(Collection<UUID> playerIds) {
        if (playerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return find("from EventEntity o where o.playerId in ?1"
                        + " and o.ts = (select max(e.ts) from EventEntity e where e.playerId = o.playerId)"
                        + " order by o.id desc", playerIds)
                .list()
                .map(rows -> {
                    Map<UUID, EventEntity> newest = new HashMap<>();
                    rows.forEach(row -> newest.putIfAbsent(row.playerId, row));
                    return newest;
                });
    }

    /** How many events each of these players has since {@code since}, by player (absent: none). */
    public Uni<Map<UUID, Long>> countsSince(Collection<UUID> playerIds, Instant since) {
        if (playerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(session -> session.createSelectionQuery(
                                "select e.playerId, count(e) from EventEntity e where e.playerId in ?1 and e.ts >= ?2"
                                        + " group by e.playerId", Object[].class)
                        .setParameter(1, playerIds)
                        .setParameter(2, since)
                        .getResultList())
                .map(rows -> {
                    Map<UUID, Long> counts = new HashMap<>();
                    rows.forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).longValue()));
                    return counts;
                });
    }
}
