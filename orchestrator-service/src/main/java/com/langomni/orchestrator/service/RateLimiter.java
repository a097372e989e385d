package com.langomni.orchestrator.service;

import com.langomni.orchestrator.config.GameConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Per-player token bucket in Redis, shared by every orchestrator replica. One atomic script refills by elapsed
 * server time and takes a token, so concurrent requests never both spend the last one.
 */
@ApplicationScoped
public class RateLimiter {

    private static final LuaScript TAKE = new LuaScript("""
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
            return allowed
            """);

    private final ReactiveRedisDataSource redis;
    private final String capacity;
    private final String refillPerSecond;

    RateLimiter(ReactiveRedisDataSource redis, GameConfig config) {
        this.redis = redis;
        this.capacity = Integer.toString(config.rateLimit().capacity());
        this.refillPerSecond = Double.toString(config.rateLimit().refillPerSecond());
    }

    /** True when the player may act now (a token was taken). */
    public Uni<Boolean> tryAcquire(String playerId) {
        return TAKE.run(redis, List.of(RedisKeys.rate(playerId)), capacity, refillPerSecond)
                .map(response -> response.toInteger() == 1);
    }
}
