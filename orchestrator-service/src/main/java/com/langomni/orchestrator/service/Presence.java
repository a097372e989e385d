package com.langomni.orchestrator.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is online where: a connection count per player (several sockets may be open) and, per location, a hash of
 * the online players there (id to name), so a room's roster is one HGETALL and never a read of each player.
 * Each change is one atomic script; callers hold the player's lock, so the location they pass is the player's
 * current one.
 */
@ApplicationScoped
public class Presence {

    private static final LuaScript OPEN = new LuaScript("""
            local n = redis.call('INCR', KEYS[1])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
            return n
            """);
    private static final LuaScript CLOSE = new LuaScript("""
            local n = redis.call('DECR', KEYS[1])
            if n <= 0 then
              redis.call('DEL', KEYS[1])
              redis.call('HDEL', KEYS[2], ARGV[1])
            end
            return n
            """);
    private static final LuaScript MOVE = new LuaScript("""
            if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then
              redis.call('HDEL', KEYS[2], ARGV[1])
              redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
              return 1
            end
            return 0
            """);
    private static final LuaScript SAMPLE = new LuaScript("""
            local found
            if redis.call('HLEN', KEYS[1]) <= tonumber(ARGV[1]) then
              found = redis.call('HGETALL', KEYS[1])
            else
              found = redis.call('HRANDFIELD', KEYS[1], ARGV[1], 'WITHVALUES')
            end
            if ARGV[2] ~= '' then
              local name = redis.call('HGET', KEYS[1], ARGV[2])
              if name then
                found[#found + 1] = ARGV[2]
                found[#found + 1] = name
              end
            end
            return found
            """);
    /** The ids in any of the given rooms, each once. */
    private static final LuaScript UNION = new LuaScript("""
            local seen = {}
            local ids = {}
            for _, key in ipairs(KEYS) do
              for _, id in ipairs(redis.call('HKEYS', key)) do
                if not seen[id] then
                  seen[id] = true
                  ids[#ids + 1] = id
                end
              end
            end
            return ids
            """);

    private final ReactiveRedisDataSource redis;

    Presence(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Counts one more socket of the player; returns the number now open (1 means the player just came online). */
    public Uni<Long> open(String playerId, String name, String locationId) {
        return OPEN.run(redis, List.of(RedisKeys.online(playerId), RedisKeys.presence(locationId)), playerId, name)
                .map(response -> response.toLong());
    }

    /** Counts one socket less; returns the number still open (0 means the player just went offline). */
    public Uni<Long> close(String playerId, String locationId) {
        return CLOSE.run(redis, List.of(RedisKeys.online(playerId), RedisKeys.presence(locationId)), playerId)
                .map(response -> response.toLong());
    }

    /** Moves an online player's presence to another location: true; false (nothing done) for an offline player. */
    public Uni<Boolean> move(String playerId, String name, String fromLocationId, String toLocationId) {
        return MOVE.run(redis, List.of(RedisKeys.online(playerId), RedisKeys.presence(fromLocationId),
                        RedisKeys.presence(toLocationId)), playerId, name)
                .map(moved -> moved != null && moved.toLong() == 1);
    }

    /**
     * Up to {@code max} of the online players in a location (all of them when there are no more; a random
     * sample of a crowd, so the cost stays O(max) however many stand there), plus {@code viewerId} when that
     * player is there: id to name.
     */
    public Uni<Map<String, String>> sample(String locationId, int max, String viewerId) {
        return SAMPLE.run(redis, List.of(RedisKeys.presence(locationId)), Integer.toString(max),
                        viewerId == null ? "" : viewerId)
                .map(reply -> {
                    Map<String, String> found = new HashMap<>();
                    for (int i = 0; i + 1 < reply.size(); i += 2) {
                        found.put(reply.get(i).toString(), reply.get(i + 1).toString());
                    }
                    return found;
                });
    }

    /** How many players are online in a location. */
    public Uni<Long> count(String locationId) {
        return redis.hash(String.class).hlen(RedisKeys.presence(locationId));
    }

    /** The ids of the players online in any of {@code locationIds} (the world's: everyone online). */
    public Uni<Set<String>> onlineIn(Collection<String> locationIds) {
        if (locationIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return UNION.run(redis, locationIds.stream().map(RedisKeys::presence).toList())
                .map(ids -> {
                    Set<String> found = new HashSet<>();
                    ids.forEach(id -> found.add(id.toString()));
                    return found;
                });
    }

    /** Whether the player has a socket open on some gateway. */
    public Uni<Boolean> isOnline(String playerId) {
        return redis.value(Long.class).get(RedisKeys.online(playerId)).map(count -> count != null && count > 0);
    }
}
