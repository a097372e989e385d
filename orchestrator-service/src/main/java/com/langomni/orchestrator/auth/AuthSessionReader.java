package com.langomni.orchestrator.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import com.langomni.orchestrator.game.state.PlayerStateReader;

/**
 * Whether a session lives, straight from the pool (it runs in the authentication filter, for the cache's misses;
 * see {@link PlayerStateReader} for why not a Panache session).
 */
@ApplicationScoped
public class AuthSessionReader {

    private static final String SELECT = """
            select s.player_id, s.expires_at, s.revoked_at is null and s.auth_version = p.auth_version as current
              from auth_sessions s join players p on p.id = s.player_id
             where s.id = $1""";

    /** A session as its check needs it: whose it is, until when, and whether neither logout nor a bump ended it. */
    public record Found(UUID playerId, Instant expiresAt, boolean current) {
    }

    private final Pool pool;

    AuthSessionReader(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<Found>> find(UUID sessionId) {
        return pool.preparedQuery(SELECT).execute(Tuple.of(sessionId)).map(rows -> {
            var found = rows.iterator();
            return found.hasNext() ? Optional.of(found(found.next())) : Optional.empty();
        });
    }

    private static Found found(Row row) {
        OffsetDateTime expires = row.getOffsetDateTime("expires_at");
        return new Found(row.getUUID("player_id"), expires.toInstant(), row.getBoolean("current"));
    }
}
