package com.langomni.orchestrator.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One login: the session a bearer token names (V3__auth_sessions.sql). */
@Entity
@Table(name = "auth_sessions")
public class AuthSessionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "player_id", nullable = false)
    public UUID playerId;

    /** The player's auth_version when the session opened; a later bump ends it. */
    @Column(name = "auth_version", nullable = false)
    public long authVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** Set by logout; null while the session lives. */
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
