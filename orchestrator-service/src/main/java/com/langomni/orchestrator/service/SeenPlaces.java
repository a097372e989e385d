package com.langomni.orchestrator.service;

import com.langomni.orchestrator.config.NarrationConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What each player has just seen: per player, the visible state version of every place narrated to them lately
 * (one hash, refreshed TTL). A look at, or an arrival in, a place they saw in the same state is a repeat and needs
 * no model. Best effort: when Redis fails, everything is a first sight.
 */
@ApplicationScoped
public class SeenPlaces {

    /** KEYS[1] seen hash; ARGV location, version, ttl seconds. Returns 1 for a first sight (and records it). */
    private static final LuaScript SEE = new LuaScript("""
            local before = redis.call('HGET', KEYS[1], ARGV[1])
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            if before == ARGV[2] then return 0 end
            return 1
            """);

    private final ReactiveRedisDataSource redis;
    private final String ttlSeconds;

    SeenPlaces(ReactiveRedisDataSource redis, NarrationConfig config) {
        this.redis = redis;
        this.ttlSeconds = Long.toString(Math.max(1, config.policy().seenTtl().toSeconds()));
    }

    /** True unless the player saw {@code locationId} in {@code stateVersion} within the TTL; records this sight. */
    public Uni<Boolean> firstSight(String playerId, String locationId, String stateVersion) {
        return SEE.run(redis, List.of(RedisKeys.seen(playerId)), locationId, stateVersion, ttlSeconds)
                .map(reply -> reply == null || reply.toLong() != 0)
                .onFailure().invoke(failure -> Log.debugf("Seen places of %s not read: %s", playerId, failure.toString()))
                .onFailure().recoverWithItem(true);
    }
}
