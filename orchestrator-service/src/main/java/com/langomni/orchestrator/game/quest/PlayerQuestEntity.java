package com.langomni.orchestrator.game.quest;

import com.langomni.orchestrator.game.rules.quest.QuestProgress;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One player's progress in one quest ({@code player_quests}). */
@Entity
@Table(name = "player_quests")
@IdClass(PlayerQuestEntity.Key.class)
public class PlayerQuestEntity extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String DONE = "done";

    @Id
    @Column(name = "player_id")
    public UUID playerId;

    @Id
    @Column(name = "quest_id")
    public String questId;

    @Column(nullable = false)
    public int step;

    @Column(nullable = false, length = 8)
    public String status;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public QuestProgress progress() {
        return new QuestProgress(questId, step, DONE.equals(status));
    }

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID playerId;
        public String questId;

        public Key() {
        }

        public Key(UUID playerId, String questId) {
            this.playerId = playerId;
            this.questId = questId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(playerId, k.playerId) && Objects.equals(questId, k.questId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(playerId, questId);
        }
    }
}
