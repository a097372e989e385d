package com.langomni.orchestrator.session;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import com.langomni.orchestrator.common.LuaScript;
import com.langomni.orchestrator.common.RedisKeys;

/**
 * The gateways' heartbeats and their deaths, in Redis (one registry for all replicas; every time is Redis' own
 * clock, so replicas' clocks never disagree about who is late). A dead gateway is condemned in one script: it
 * leaves the registry, its socket set becomes a "condemned" set the reaper drains (sockets it opens afterwards go
 * to a fresh set and are not touched), and its next heartbeat, should it come back, is told to reset.
 */
@ApplicationScoped
public class GatewayRegistry {

    /** How long a condemned gateway's reset flag waits for it to come back. */
    static final Duration RESET_MEMORY = Duration.ofHours(1);

    /**
     * Returns 1 when the gateway must drop its sockets: it was condemned since its last heartbeat, or the registry
     * does not know it (condemned and forgotten, or Redis lost its data) while it may hold sockets. A gateway's first
     * heartbeat (ARGV[2] = 1) is unknown by nature: only a condemnation resets it (a fixed instance id reused).
     */
    private static final LuaScript HEARTBEAT = new LuaScript("""
            local now = redis.call('TIME')
            local known = redis.call('ZSCORE', KEYS[1], ARGV[1])
            redis.call('ZADD', KEYS[1], now[1] * 1000 + math.floor(now[2] / 1000), ARGV[1])
            if redis.call('DEL', KEYS[2]) == 1 or (not known and ARGV[2] ~= '1') then
              return 1
            end
            return 0
            """);
    /** The gateways whose last heartbeat is more than ARGV[1] ms old. */
    private static final LuaScript SILENT = new LuaScript("""
            local now = redis.call('TIME')
            local limit = now[1] * 1000 + math.floor(now[2] / 1000) - tonumber(ARGV[1])
            return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. limit)
            """);
    /** Condemns ARGV[1] if it is still silent for more than ARGV[2] ms (a heartbeat may have come meanwhile). */
    private static final LuaScript CONDEMN = new LuaScript("""
            local now = redis.call('TIME')
            local limit = now[1] * 1000 + math.floor(now[2] / 1000) - tonumber(ARGV[2])
            local last = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if not last or tonumber(last) >= limit then
              return 0
            end
            redis.call('ZREM', KEYS[1], ARGV[1])
            if redis.call('EXISTS', KEYS[2]) == 1 then
              redis.call('SUNIONSTORE', KEYS[3], KEYS[3], KEYS[2])
              redis.call('DEL', KEYS[2])
            end
            if redis.call('EXISTS', KEYS[3]) == 1 then
              redis.call('SADD', KEYS[4], ARGV[1])
            end
            redis.call('SET', KEYS[5], '1', 'EX', ARGV[3])
            return 1
            """);
    private static final LuaScript FORGET_IF_DRAINED = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return redis.call('SREM', KEYS[2], ARGV[1])
            end
            return 0
            """);

    private final ReactiveRedisDataSource redis;
    private final long deadAfterMillis;

    GatewayRegistry(ReactiveRedisDataSource redis, PresenceConfig config) {
        this.redis = redis;
        this.deadAfterMillis = config.deadAfter().toMillis();
    }

    /**
     * Records a heartbeat; true when the gateway must close every socket it opened before it sent this one.
     * {@code first}: the gateway was never answered yet.
     */
    public Uni<Boolean> heartbeat(String gatewayId, boolean first) {
        return HEARTBEAT.run(redis, List.of(RedisKeys.gateways(), RedisKeys.gatewayReset(gatewayId)), gatewayId,
                        first ? "1" : "0")
                .map(reply -> reply.toLong() == 1);
    }

    /** The gateways silent for longer than langomni.presence.dead-after. */
    public Uni<List<String>> silent() {
        return SILENT.run(redis, List.of(RedisKeys.gateways()), Long.toString(deadAfterMillis))
                .map(GatewayRegistry::strings);
    }

    /** Declares a silent gateway dead; false when it heartbeated since it was found silent. */
    public Uni<Boolean> condemn(String gatewayId) {
        return CONDEMN.run(redis, List.of(RedisKeys.gateways(), RedisKeys.gatewaySockets(gatewayId),
                                RedisKeys.condemnedSockets(gatewayId), RedisKeys.condemnedGateways(),
                                RedisKeys.gatewayReset(gatewayId)),
                        gatewayId, Long.toString(deadAfterMillis), Long.toString(RESET_MEMORY.toSeconds()))
                .map(reply -> reply.toLong() == 1);
    }

    /** Dead gateways with sockets still to close. */
    public Uni<List<String>> condemned() {
        return redis.set(String.class).smembers(RedisKeys.condemnedGateways()).map(List::copyOf);
    }

    /** Up to {@code max} of a dead gateway's sockets still to close (each closes with {@link Presence#close}). */
    public Uni<List<Socket>> condemnedSockets(String gatewayId, int max) {
        return redis.execute("SRANDMEMBER", RedisKeys.condemnedSockets(gatewayId), Integer.toString(max))
                .map(reply -> strings(reply).stream()
                        .map(member -> new Socket(SocketId.playerOf(member), SocketId.fromGatewayMember(gatewayId, member)))
                        .toList());
    }

    /** Drops a dead gateway from the condemned list once all its sockets are closed. */
    public Uni<Void> forgetIfDrained(String gatewayId) {
        return FORGET_IF_DRAINED.run(redis, List.of(RedisKeys.condemnedSockets(gatewayId),
                RedisKeys.condemnedGateways()), gatewayId).replaceWithVoid();
    }

    /** A player's socket. */
    public record Socket(String playerId, SocketId socket) {
    }

    private static List<String> strings(Response reply) {
        List<String> found = new ArrayList<>();
        if (reply != null) {
            reply.forEach(item -> found.add(item.toString()));
        }
        return found;
    }
}
