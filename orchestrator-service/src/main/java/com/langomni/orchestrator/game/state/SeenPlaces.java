package com.langomni.orchestrator.game.state;

import com.langomni.orchestrator.narration.NarrationConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import com.langomni.orchestrator.common.LuaScript;
import com.langomni.orchestrator.common.RedisKeys;

/**
 * What each player has just read: per player, one hash of place -> {@code <visible state version>|<epoch millis>}
 * of the model's (or the cache's) narration of it. A look at, or an arrival in, a place read in the same state
 * within the TTL is a repeat and needs no model. Each place ages on its own; the hash expires with the player's last
 * sight. Best effort: when Redis fails, everything is a first sight and nothing is marked.
 */
@ApplicationScoped
public class SeenPlaces {

    /** KEYS[1] seen hash; ARGV location, version, now millis, ttl millis. 1 when read in that state within the TTL. */
    private static final LuaScript SEEN = new LuaScript("""
            local before = redis.call('HGET', KEYS[1], ARGV[1])
            if not before then return 0 end
            local version, at = string.match(before, '^(.*)|(%d+)$')
            if version == ARGV[2] and tonumber(ARGV[3]) - tonumber(at) < tonumber(ARGV[4]) then return 1 end
            return 0
            """);

    /** KEYS[1] seen hash; ARGV location, version|millis, key ttl seconds. */
    private static final LuaScript MARK = new LuaScript("""
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            return 1
            """);

    private final ReactiveRedisDataSource redis;
    private final long ttlMillis;

    SeenPlaces(ReactiveRedisDataSource redis, NarrationConfig config) {
        this.redis = redis;
        this.ttlMillis = Math.max(1000, config.policy().seenTtl().toMillis());
    }

    /** True when the player read {@code locationId} in {@code stateVersion} within the TTL. */
    public Uni<Boolean> seen(String playerId, String locationId, String stateVersion) {
        return SEEN.run(redis, List.of(RedisKeys.seen(playerId)), locationId, stateVersion,
                        Long.toString(System.currentTimeMillis()), Long.toString(ttlMillis))
                .map(reply -> reply != null && reply.toLong() == 1)
                .onFailure().invoke(failure -> Log.debugf("Seen places of %s not read: %s", playerId, failure.toString()))
                .onFailure().recoverWithItem(false);
    }

    /** Records that the player has just read {@code locationId} in {@code stateVersion}; never fails. */
    public Uni<Void> mark(String playerId, String locationId, String stateVersion) {
        return MARK.run(redis, List.of(RedisKeys.seen(playerId)), locationId,
                        stateVersion + "|" + System.currentTimeMillis(), Long.toString(ttlMillis / 1000))
                .onFailure().invoke(failure -> Log.debugf("Seen place of %s not recorded: %s", playerId, failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
