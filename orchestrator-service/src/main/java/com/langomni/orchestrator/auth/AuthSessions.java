package com.langomni.orchestrator.auth;

import com.langomni.api.game.AuthResponse;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.common.Saturation;
import com.langomni.orchestrator.game.state.PlayerIds;

/**
 * Server-side sessions: every token names one, and every authenticated request checks that it still lives.
 * PostgreSQL holds the truth (auth_sessions, players.auth_version); Redis caches each session's verdict for
 * langomni.auth.session-cache-ttl, so the hot path costs one GET. Whoever ends a session writes PostgreSQL first,
 * then overwrites the cached verdict with "ended" (a plain SET), while a check that fills a miss writes only if the
 * key is absent (SET NX): a check that read PostgreSQL just before the end cannot put "live" back over it.
 */
@ApplicationScoped
public class AuthSessions {

    static final String LIVE = "1";
    static final String ENDED = "0";

    private final ReactiveValueCommands<String, String> values;
    private final AuthSessionReader reader;
    private final AuthSessionRepository sessions;
    private final TokenService tokens;
    private final Duration cacheTtl;

    AuthSessions(ReactiveRedisDataSource redis, AuthSessionReader reader, AuthSessionRepository sessions,
                 TokenService tokens, AuthConfig config) {
        this.values = redis.value(String.class);
        this.reader = reader;
        this.sessions = sessions;
        this.tokens = tokens;
        this.cacheTtl = config.sessionCacheTtl();
    }

    /**
     * Opens a session for a player at their current auth_version and issues its token; in the caller's transaction.
     * A bump committed meanwhile (a ban) leaves this session ended from the start.
     */
    public Uni<AuthResponse> open(UUID playerId, String name, String role, long authVersion) {
        Instant now = Instant.now();
        Instant expires = tokens.expiry(now).truncatedTo(ChronoUnit.SECONDS);
        return sessions.open(playerId, authVersion, now, expires).map(session -> new AuthResponse(playerId.toString(),
                tokens.issue(playerId.toString(), name, role, session.id, expires), name, role));
    }

    /**
     * 401 unless the token's session lives. Redis down: PostgreSQL answers; Redis saturated: {@code overloaded}
     * (as for the player state, moving the crowd onto PostgreSQL would only saturate it too).
     */
    public Uni<Void> requireLive(TokenClaims claims) {
        Optional<UUID> sessionId = PlayerIds.parse(claims.sid());
        if (sessionId.isEmpty()) {
            return Uni.createFrom().failure(ended());
        }
        String key = RedisKeys.authSession(claims.sid());
        return values.get(key)
                .onFailure(Saturation::is).transform(failure -> ApiException.overloaded("the game is at capacity"))
                .onFailure(failure -> !(failure instanceof ApiException)).recoverWithItem(failure -> {
                    Log.debugf("Redis read of session %s failed, reading PostgreSQL: %s", claims.sid(),
                            failure.getMessage());
                    return null;
                })
                .chain(cached -> {
                    if (LIVE.equals(cached)) {
                        return Uni.createFrom().voidItem();
                    }
                    if (ENDED.equals(cached)) {
                        return Uni.createFrom().failure(ended());
                    }
                    return check(claims, sessionId.get(), key);
                });
    }

    /** PostgreSQL's verdict, remembered unless a verdict is already there (see the class comment). */
    private Uni<Void> check(TokenClaims claims, UUID sessionId, String key) {
        return reader.find(sessionId).chain(found -> {
            Instant now = Instant.now();
            boolean live = found.isPresent() && found.get().current() && found.get().expiresAt().isAfter(now)
                    && found.get().playerId().toString().equals(claims.sub());
            Duration ttl = live ? min(cacheTtl, Duration.between(now, found.get().expiresAt())) : cacheTtl;
            return values.set(key, live ? LIVE : ENDED, new SetArgs().nx().px(ttl))
                    .onFailure().recoverWithNull()
                    .chain(() -> live ? Uni.createFrom().voidItem() : Uni.createFrom().failure(ended()));
        });
    }

    /** Ends the token's own session (logout). */
    public Uni<Void> end(TokenClaims claims) {
        UUID sessionId = UUID.fromString(claims.sid());
        return Panache.withTransaction(() -> sessions.revoke(sessionId, Instant.now()))
                .chain(() -> forget(List.of(sessionId)));
    }

    /**
     * The sessions of a player that the bump to {@code authVersion} ended; in the caller's transaction, after the
     * bump. Pass them to {@link #forget} once it committed.
     */
    public Uni<List<UUID>> endedBy(UUID playerId, long authVersion) {
        return sessions.endedByVersion(playerId, authVersion, Instant.now());
    }

    /**
     * Marks sessions ended in Redis, after PostgreSQL committed it. Best effort: when Redis cannot be written, a
     * cached "live" lasts until its TTL (langomni.auth.session-cache-ttl) at most.
     */
    public Uni<Void> forget(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(sessionIds.stream()
                        .map(id -> values.set(RedisKeys.authSession(id.toString()), ENDED, new SetArgs().px(cacheTtl)))
                        .toList())
                .andCollectFailures()
                .onFailure().invoke(failure -> Log.warnf("Ended sessions not marked in Redis (their cached verdict"
                        + " expires within %s): %s", cacheTtl, failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static ApiException ended() {
        return ApiException.unauthorized("this session has ended; log in again");
    }

    /** The shorter of the two, at least a millisecond (Redis refuses a zero expiry). */
    private static Duration min(Duration a, Duration b) {
        return Duration.ofMillis(Math.max(1, Math.min(a.toMillis(), b.toMillis())));
    }
}
