package com.langomni.orchestrator.session;

import com.langomni.api.protocol.ErrorCodes;
import com.langomni.orchestrator.common.LuaScript;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.support.error.ApiException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A player's socket limits, cluster-wide in Redis beside their socket set ({@link Presence}): at most
 * langomni.presence.max-sockets-per-player open at once, and langomni.presence.opens-per-minute opens (a token
 * bucket). Checked in one script under the player's lock, just before the socket is counted, so two gateways
 * opening at once cannot both pass the cap. A socket already counted (reported again) passes and costs nothing;
 * an open refused for the cap takes no token, so a player who closes a tab can connect at once.
 */
@ApplicationScoped
public class SocketLimits {

    private static final int ADMITTED = 1;
    private static final int TOO_MANY_SOCKETS = -1;

    private static final LuaScript ADMIT = new LuaScript("""
            if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then
              return 1
            end
            if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then
              return -1
            end
            local capacity = tonumber(ARGV[3])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local bucket = redis.call('HMGET', KEYS[2], 'tokens', 'ts')
            local tokens = tonumber(bucket[1]) or capacity
            local ts = tonumber(bucket[2]) or now
            tokens = math.min(capacity, tokens + math.max(0, now - ts) * capacity / 60000)
            if tokens < 1 then
              return -2
            end
            redis.call('HSET', KEYS[2], 'tokens', tostring(tokens - 1), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[2], 61000)
            return 1
            """);

    private final ReactiveRedisDataSource redis;
    private final int maxSockets;
    private final int opensPerMinute;

    SocketLimits(ReactiveRedisDataSource redis, PresenceConfig config) {
        this.redis = redis;
        this.maxSockets = config.maxSocketsPerPlayer();
        this.opensPerMinute = config.opensPerMinute();
    }

    /** Completes when the socket may be counted; fails with 429 {@code too_many_sockets} or {@code too_many_opens}. */
    public Uni<Void> admit(String playerId, SocketId socket) {
        return ADMIT.run(redis, List.of(RedisKeys.sockets(playerId), RedisKeys.socketOpens(playerId)),
                        socket.playerMember(), Integer.toString(maxSockets), Integer.toString(opensPerMinute))
                .invoke(reply -> {
                    int answer = reply.toInteger();
                    if (answer == TOO_MANY_SOCKETS) {
                        throw new ApiException(429, ErrorCodes.TOO_MANY_SOCKETS, "You have " + maxSockets
                                + " game windows open already; close one, then connect again.");
                    }
                    if (answer != ADMITTED) {
                        throw new ApiException(429, ErrorCodes.TOO_MANY_OPENS, "You connected " + opensPerMinute
                                + " times within a minute; wait a few seconds, then connect again.");
                    }
                })
                .replaceWithVoid();
    }
}
