package com.langomni.orchestrator.game;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import com.langomni.orchestrator.common.LuaScript;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.game.state.PlayerLock;

/**
 * Per-player token bucket in Redis, shared by every orchestrator replica. One atomic script refills by elapsed
 * server time, takes a token and, when it got one, tries the player's action lock too: the common action costs
 * one round trip for both (see {@link PlayerLock#withTurn}).
 */
@ApplicationScoped
public class RateLimiter {

    /** Answers of {@link #takeAndTryLock}. */
    public enum Admit { RATE_LIMITED, LOCKED, BUSY }

    private static final LuaScript TAKE_AND_LOCK = new LuaScript("""
            local capacity = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(bucket[1]) or capacity
            local ts = tonumber(bucket[2]) or now
            tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate / 1000)
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
            if allowed == 0 then
              return 0
            end
            if redis.call('SET', KEYS[2], ARGV[3], 'NX', 'PX', ARGV[4]) then
              return 1
            end
            return 2
            """);

    private final ReactiveRedisDataSource redis;
    private final String capacity;
    private final String refillPerSecond;

    RateLimiter(ReactiveRedisDataSource redis, GameConfig config) {
        this.redis = redis;
        this.capacity = Integer.toString(config.rateLimit().capacity());
        this.refillPerSecond = Double.toString(config.rateLimit().refillPerSecond());
    }

    /**
     * Takes a token of the player's bucket and, with it, tries to set {@code lockKey} to {@code lockToken} for
     * {@code leaseMillis} (SET NX PX). RATE_LIMITED: no token (nothing else done); LOCKED: token taken and lock
     * held; BUSY: token taken but another action holds the lock.
     */
    public Uni<Admit> takeAndTryLock(String playerId, String lockKey, String lockToken, long leaseMillis) {
        return TAKE_AND_LOCK.run(redis, List.of(RedisKeys.rate(playerId), lockKey), capacity, refillPerSecond,
                        lockToken, Long.toString(leaseMillis))
                .map(response -> switch (response.toInteger()) {
                    case 0 -> Admit.RATE_LIMITED;
                    case 1 -> Admit.LOCKED;
                    default -> Admit.BUSY;
                });
    }
}
