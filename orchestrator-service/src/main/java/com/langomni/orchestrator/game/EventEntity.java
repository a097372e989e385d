package com.langomni.orchestrator.game;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row of the append-only event log: an action, applied or refused. */
@Entity
@Immutable
@Table(name = "events")
public class EventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant ts;

    @Column(name = "player_id")
    public UUID playerId;

    @Column(name = "location_id", nullable = false)
    public String locationId;

    @Column(name = "action_id")
    public String actionId;

    @Column(nullable = false)
    public String verb;

    public String text;

    @Column(nullable = false)
    public boolean success;

    @Column(nullable = false)
    public String message;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    /** The outcome's facts as on the wire: {@code com.langomni.api.outcome.Facts} with its {@code kind}. */
    public Map<String, Object> facts;
}
