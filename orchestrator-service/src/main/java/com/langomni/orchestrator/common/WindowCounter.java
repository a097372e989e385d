package com.langomni.orchestrator.common;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Fixed-window counters in Redis, shared by every replica: a key counts hits from its first one until its TTL ends.
 * Used by the login, registration and NPC-conversation budgets.
 */
@ApplicationScoped
public class WindowCounter {

    /** Hits so far in the window (this one included) and the milliseconds until the window ends. */
    public record Count(long hits, long resetsInMillis) {
        public boolean within(int limit) {
            return hits <= limit;
        }
    }

    private static final LuaScript HIT = new LuaScript("""
            local n = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if n == 1 or ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {n, ttl}
            """);

    private static final LuaScript PEEK = new LuaScript("""
            local n = tonumber(redis.call('GET', KEYS[1])) or 0
            return {n, redis.call('PTTL', KEYS[1])}
            """);

    private final ReactiveRedisDataSource redis;

    WindowCounter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Counts one hit on {@code key}, opening a window of {@code window} when none is open. */
    public Uni<Count> hit(String key, Duration window) {
        return HIT.run(redis, List.of(key), Long.toString(Math.max(1, window.toMillis())))
                .map(reply -> new Count(reply.get(0).toLong(), Math.max(0, reply.get(1).toLong())));
    }

    /** The hits counted in the open window of {@code key} (0 when none is open), counting nothing. */
    public Uni<Count> peek(String key) {
        return PEEK.run(redis, List.of(key))
                .map(reply -> new Count(reply.get(0).toLong(), Math.max(0, reply.get(1).toLong())));
    }
}
