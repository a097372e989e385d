package com.langomni.orchestrator.game.state;

import com.langomni.orchestrator.game.rules.model.PlayerState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import com.langomni.orchestrator.game.world.JsonArrayConverters;

/**
 * Reads one player's game state straight from the pool, for the hot cache's misses. A pooled query borrows its
 * connection and returns it however the call ends, even when many run at once on one Vert.x context or the
 * caller stops waiting; a Panache session is bound to the context and leaks its connection in both cases.
 */
@ApplicationScoped
public class PlayerStateReader {

    private static final String SELECT = """
            select name, location_id, hp, max_hp, cast(inventory as text) as inventory, version
              from players where id = $1""";

    private final Pool pool;

    PlayerStateReader(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<PlayerSnapshot>> find(UUID id) {
        return pool.preparedQuery(SELECT).execute(Tuple.of(id)).map(rows -> {
            var found = rows.iterator();
            return found.hasNext() ? Optional.of(snapshot(id, found.next())) : Optional.empty();
        });
    }

    private static PlayerSnapshot snapshot(UUID id, Row row) {
        PlayerState state = new PlayerState(id.toString(), row.getString("name"), row.getString("location_id"),
                row.getInteger("hp"), row.getInteger("max_hp"), JsonArrayConverters.read(row.getString("inventory")));
        return new PlayerSnapshot(state, row.getLong("version"));
    }
}
