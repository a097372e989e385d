package com.langomni.orchestrator.game.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.game.GameConfig;
import com.langomni.orchestrator.game.rules.model.World;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.common.Saturation;

/**
 * Hot player state: Redis first, PostgreSQL behind it. Writers put the new state after their transaction
 * committed; readers that fill a miss never overwrite a newer copy (SET NX). When Redis goes away between a commit
 * and its write-through, the old copy may come back with Redis (it restarts on its files): such players are kept
 * as unsettled here, read from PostgreSQL, and their copies dropped as soon as Redis answers again.
 */
@ApplicationScoped
public class PlayerStateStore {

    /** How often unsettled copies are dropped again while Redis refuses: a copy is stale for about this long. */
    private static final Duration SETTLE_EVERY = Duration.ofSeconds(1);

    private final ReactiveValueCommands<String, String> values;
    private final PlayerStateReader rows;
    private final ObjectMapper json;
    private final GameConfig config;
    private final World world;
    private final Vertx vertx;
    /** Players whose hot copy may be older than PostgreSQL: a write-through and the eviction after it failed. */
    private final Set<String> unsettled = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean settling = new AtomicBoolean();
    private long timer = -1;

    PlayerStateStore(ReactiveRedisDataSource redis, PlayerStateReader rows, ObjectMapper json, GameConfig config,
                     World world, Vertx vertx) {
        this.values = redis.value(String.class);
        this.rows = rows;
        this.json = json;
        this.config = config;
        this.world = world;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(SETTLE_EVERY.toMillis(), id -> settle());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
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
        if (unsettled.contains(playerId)) {
            return evict(playerId).chain(() -> loadAndCache(playerId));
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
                if (unsettled.contains(id)) {
                    continue;
                }
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

    /**
     * Write-through after a commit. A failed write drops the key so that the next read goes to PostgreSQL; when
     * that fails too the player is unsettled until the key could be dropped.
     */
    public Uni<Void> put(PlayerSnapshot snapshot) {
        String id = snapshot.state().id();
        return values.set(RedisKeys.playerState(id), write(snapshot), new SetArgs().px(config.playerCacheTtl()))
                .invoke(() -> unsettled.remove(id))
                .onFailure().call(failure -> {
                    Log.warnf("Redis write of player %s failed: %s", id, failure.getMessage());
                    unsettled.add(id);
                    return evict(id);
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Drops the player's copy, which settles an unsettled player; never fails (when Redis refuses, they stay unsettled). */
    public Uni<Void> evict(String playerId) {
        return values.getdel(RedisKeys.playerState(playerId))
                .invoke(() -> unsettled.remove(playerId))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Every unsettled player once, one round at a time (the timer does not pile rounds up while Redis is away). */
    private void settle() {
        if (unsettled.isEmpty() || !settling.compareAndSet(false, true)) {
            return;
        }
        Multi.createFrom().iterable(List.copyOf(unsettled))
                .onItem().transformToUniAndConcatenate(this::evict)
                .collect().last()
                .eventually(() -> settling.set(false))
                .subscribe().with(done -> { }, failure -> { });
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
