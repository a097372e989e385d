package com.langomni.orchestrator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.config.GameConfig;
import com.langomni.orchestrator.domain.World;
import com.langomni.orchestrator.repository.PlayerStateReader;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hot player state: Redis first, PostgreSQL behind it. Writers put the new state after their transaction
 * committed; readers that fill a miss never overwrite a newer copy (SET NX).
 */
@ApplicationScoped
public class PlayerStateStore {

    private final ReactiveValueCommands<String, String> values;
    private final PlayerStateReader rows;
    private final ObjectMapper json;
    private final GameConfig config;
    private final World world;

    PlayerStateStore(ReactiveRedisDataSource redis, PlayerStateReader rows, ObjectMapper json, GameConfig config,
                     World world) {
        this.values = redis.value(String.class);
        this.rows = rows;
        this.json = json;
        this.config = config;
        this.world = world;
    }

    /**
     * The player's current state, or empty when there is no such player. Redis down: PostgreSQL answers; Redis
     * saturated: {@code overloaded} (moving the crowd onto PostgreSQL would only saturate that too).
     */
    public Uni<Optional<PlayerSnapshot>> get(String playerId) {
        return read(playerId).map(found -> found.map(this::inThisWorld));
    }

    /**
     * A new world pack may drop the location a player stood in; such a player continues from the start
     * location (saved with their next change) instead of being stuck where nothing can resolve.
     */
    private PlayerSnapshot inThisWorld(PlayerSnapshot snapshot) {
        if (world.location(snapshot.state().locationId()).isPresent()) {
            return snapshot;
        }
        Log.infof("Player %s stood in %s, which the world no longer has; moved to the start",
                snapshot.state().id(), snapshot.state().locationId());
        return new PlayerSnapshot(snapshot.state().withLocation(world.startLocationId()), snapshot.version());
    }

    private Uni<Optional<PlayerSnapshot>> read(String playerId) {
        if (PlayerIds.parse(playerId).isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return values.get(RedisKeys.playerState(playerId))
                .onFailure(Saturation::is).transform(failure -> ApiException.overloaded("the game is at capacity"))
                .onFailure(failure -> !(failure instanceof ApiException)).recoverWithItem(failure -> {
                    Log.warnf("Redis read of player %s failed, reading PostgreSQL: %s", playerId, failure.getMessage());
                    return null;
                })
                .chain(cached -> {
                    if (cached == null) {
                        return loadAndCache(playerId);
                    }
                    PlayerSnapshot hot = parse(cached);
                    return hot != null ? Uni.createFrom().item(Optional.of(hot)) : reload(playerId);
                });
    }

    /** The hot copies Redis holds of these players, by id; a player without one is absent (nothing is loaded). */
    public Uni<Map<String, PlayerSnapshot>> cached(List<String> playerIds) {
        if (playerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return values.mget(playerIds.stream().map(RedisKeys::playerState).toArray(String[]::new)).map(found -> {
            Map<String, PlayerSnapshot> snapshots = new HashMap<>();
            for (String id : playerIds) {
                String cached = found.get(RedisKeys.playerState(id));
                PlayerSnapshot snapshot = cached == null ? null : parse(cached);
                if (snapshot != null) {
                    snapshots.put(id, inThisWorld(snapshot));
                }
            }
            return snapshots;
        });
    }

    /** Reads PostgreSQL, bypassing the hot copy (it was found stale). */
    public Uni<Optional<PlayerSnapshot>> reload(String playerId) {
        return evict(playerId).chain(() -> loadAndCache(playerId)).map(found -> found.map(this::inThisWorld));
    }

    /** Write-through after a commit. A failed write drops the key so that the next read goes to PostgreSQL. */
    public Uni<Void> put(PlayerSnapshot snapshot) {
        String key = RedisKeys.playerState(snapshot.state().id());
        return values.set(key, write(snapshot), new SetArgs().px(config.playerCacheTtl()))
                .onFailure().call(failure -> {
                    Log.warnf("Redis write of player %s failed: %s", snapshot.state().id(), failure.getMessage());
                    return evict(snapshot.state().id());
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<Void> evict(String playerId) {
        return values.getdel(RedisKeys.playerState(playerId))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Optional<PlayerSnapshot>> loadAndCache(String playerId) {
        return rows.find(PlayerIds.parse(playerId).orElseThrow())
                .chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(Optional.<PlayerSnapshot>empty());
                    }
                    PlayerSnapshot snapshot = found.get();
                    return values.set(RedisKeys.playerState(playerId), write(snapshot),
                                    new SetArgs().nx().px(config.playerCacheTtl()))
                            .onFailure().recoverWithNull()
                            .replaceWith(Optional.of(snapshot));
                });
    }

    /** Null for an unreadable copy (e.g. written by an older version): PostgreSQL has the truth. */
    private PlayerSnapshot parse(String cached) {
        try {
            return json.readValue(cached, PlayerSnapshot.class);
        } catch (JsonProcessingException e) {
            Log.warnf("Unreadable hot player state dropped: %s", e.getOriginalMessage());
            return null;
        }
    }

    private String write(PlayerSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("player state is not serialisable", e);
        }
    }
}
