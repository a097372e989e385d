package com.langomni.orchestrator.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who is online where: a connection count per player (several sockets may be open) and a set of online player
 * ids per location. Each change is one atomic script; callers hold the player's lock, so the location they pass
 * is the player's current one.
 */
@ApplicationScoped
public class Presence {

    private static final LuaScript OPEN = new LuaScript("""
            local n = redis.call('INCR', KEYS[1])
            redis.call('SADD', KEYS[2], ARGV[1])
            return n
            """);
    private static final LuaScript CLOSE = new LuaScript("""
            local n = redis.call('DECR', KEYS[1])
            if n <= 0 then
              redis.call('DEL', KEYS[1])
              redis.call('SREM', KEYS[2], ARGV[1])
            end
            return n
            """);
    private static final LuaScript MOVE = new LuaScript("""
            if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then
              redis.call('SREM', KEYS[2], ARGV[1])
              redis.call('SADD', KEYS[3], ARGV[1])
              return 1
            end
            return 0
            """);

    private final ReactiveRedisDataSource redis;

    Presence(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Counts one more socket of the player; returns the number now open (1 means the player just came online). */
    public Uni<Long> open(String playerId, String locationId) {
        return OPEN.run(redis, List.of(RedisKeys.online(playerId), RedisKeys.presence(locationId)), playerId)
                .map(response -> response.toLong());
    }

    /** Counts one socket less; returns the number still open (0 means the player just went offline). */
    public Uni<Long> close(String playerId, String locationId) {
        return CLOSE.run(redis, List.of(RedisKeys.online(playerId), RedisKeys.presence(locationId)), playerId)
                .map(response -> response.toLong());
    }

    /** Moves an online player's presence to another location: true; false (nothing done) for an offline player. */
    public Uni<Boolean> move(String playerId, String fromLocationId, String toLocationId) {
        return MOVE.run(redis, List.of(RedisKeys.online(playerId), RedisKeys.presence(fromLocationId),
                        RedisKeys.presence(toLocationId)), playerId)
                .map(moved -> moved != null && moved.toLong() == 1);
    }

    public Uni<Set<String>> online(String locationId) {
        return redis.set(String.class).smembers(RedisKeys.presence(locationId));
    }

    /** The ids of the players online in any of {@code locationIds} (the world's: everyone online). */
    public Uni<Set<String>> onlineIn(Collection<String> locationIds) {
        if (locationIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return redis.set(String.class).sunion(locationIds.stream().map(RedisKeys::presence).toArray(String[]::new));
    }

    /** Whether the player has a socket open on some gateway. */
    public Uni<Boolean> isOnline(String playerId) {
        return redis.value(Long.class).get(RedisKeys.online(playerId)).map(count -> count != null && count > 0);
    }
}
