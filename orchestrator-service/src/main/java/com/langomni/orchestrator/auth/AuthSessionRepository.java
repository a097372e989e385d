package com.langomni.orchestrator.auth;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sessions in PostgreSQL, the truth behind the Redis cache ({@code AuthSessions}). In the caller's transaction. */
@ApplicationScoped
public class AuthSessionRepository implements PanacheRepositoryBase<AuthSessionEntity, UUID> {

    /** A new session of {@code player} at its auth_version; the player's expired sessions are dropped on the way. */
    public Uni<AuthSessionEntity> open(UUID playerId, long authVersion, Instant now, Instant expiresAt) {
        AuthSessionEntity session = new AuthSessionEntity();
        session.id = UUID.randomUUID();
        session.playerId = playerId;
        session.authVersion = authVersion;
        session.createdAt = now;
        session.expiresAt = expiresAt;
        return delete("playerId = ?1 and expiresAt < ?2", playerId, now)
                .chain(() -> persist(session));
    }

    /** Ends one session (logout); 0 when it had already ended. */
    public Uni<Integer> revoke(UUID id, Instant now) {
        return update("revokedAt = ?1 where id = ?2 and revokedAt is null", now, id);
    }

    /**
     * The player's unexpired sessions that a bump of their auth_version ended and logout had not: the ones a
     * cache may still hold as live.
     */
    public Uni<List<UUID>> endedByVersion(UUID playerId, long currentVersion, Instant now) {
        return getSession().chain(session -> session.createSelectionQuery("""
                        select id from AuthSessionEntity
                         where playerId = ?1 and authVersion < ?2 and revokedAt is null and expiresAt > ?3""",
                        UUID.class)
                .setParameter(1, playerId)
                .setParameter(2, currentVersion)
                .setParameter(3, now)
                .getResultList());
    }
}
