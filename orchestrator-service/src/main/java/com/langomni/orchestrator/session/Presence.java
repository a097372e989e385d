package com.langomni.orchestrator.session;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.langomni.orchestrator.common.LuaScript;
import com.langomni.orchestrator.common.RedisKeys;

/**
 * Who is online where, keyed by socket: per player the set of their open sockets ({@code gatewayId/connectionId};
 * online while it is not empty, so two sockets count once), per gateway the sockets open there (so a dead
 * gateway's can be closed, see {@link PresenceReaper}) and, per location, a hash of the online players there (id
 * to name), so a room's roster is one HGETALL and never a read of each player. Each change is one atomic script
 * that keeps "in a room hash" implies "has a socket"; callers hold the player's lock, so the location they pass
 * is the player's current one.
 */
@ApplicationScoped
public class Presence {

    /** Returns 1 when this socket made the player online (a socket opened twice counts once). */
    private static final LuaScript OPEN = new LuaScript("""
            local added = redis.call('SADD', KEYS[1], ARGV[3])
            redis.call('SADD', KEYS[3], ARGV[4])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
            local now = redis.call('TIME')
            redis.call('ZADD', KEYS[4], 'NX', now[1] * 1000 + math.floor(now[2] / 1000), ARGV[5])
            if added == 1 and redis.call('SCARD', KEYS[1]) == 1 then
              return 1
            end
            return 0
            """);
    /** Returns 1 when this was the player's last socket (a socket closed twice, or never opened, does nothing). */
    private static final LuaScript CLOSE = new LuaScript("""
            redis.call('SREM', KEYS[3], ARGV[3])
            redis.call('SREM', KEYS[4], ARGV[3])
            if redis.call('SREM', KEYS[1], ARGV[2]) == 1 and redis.call('EXISTS', KEYS[1]) == 0 then
              if ARGV[4] == '1' then
                redis.call('HDEL', KEYS[2], ARGV[1])
              end
              return 1
            end
            return 0
            """);
    private static final LuaScript MOVE = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              redis.call('HDEL', KEYS[2], ARGV[1])
              redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
              return 1
            end
            return 0
            """);
    /** Drops the room entries (ARGV) of players without a socket (KEYS[2..]); returns how many. */
    private static final LuaScript SWEEP = new LuaScript("""
            local removed = 0
            for i, id in ipairs(ARGV) do
              if redis.call('EXISTS', KEYS[i + 1]) == 0 then
                removed = removed + redis.call('HDEL', KEYS[1], id)
              end
            end
            return removed
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

    /** Room entries checked per script call by {@link #sweep}, so a crowd never blocks Redis for long. */
    private static final int SWEEP_BATCH = 500;

    private final ReactiveRedisDataSource redis;

    Presence(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /**
     * Counts the socket and lists the player in their location; true when it made the player online (their first
     * socket). The socket's gateway joins the registry if it never heartbeated, so even then it can be reaped.
     */
    public Uni<Boolean> open(SocketId socket, String playerId, String name, String locationId) {
        return OPEN.run(redis, List.of(RedisKeys.sockets(playerId), RedisKeys.presence(locationId),
                                RedisKeys.gatewaySockets(socket.gatewayId()), RedisKeys.gateways()),
                        playerId, name, socket.playerMember(), socket.gatewayMember(playerId), socket.gatewayId())
                .map(response -> response.toLong() == 1);
    }

    /**
     * Forgets the socket; true when it was the player's last one, and the player then leaves the room hash of
     * {@code locationId} (null: the player's location is unknown, only the socket is forgotten).
     */
    public Uni<Boolean> close(SocketId socket, String playerId, String locationId) {
        return CLOSE.run(redis, List.of(RedisKeys.sockets(playerId),
                                RedisKeys.presence(locationId == null ? "" : locationId),
                                RedisKeys.gatewaySockets(socket.gatewayId()),
                                RedisKeys.condemnedSockets(socket.gatewayId())),
                        playerId, socket.playerMember(), socket.gatewayMember(playerId), locationId == null ? "0" : "1")
                .map(response -> response.toLong() == 1);
    }

    /** Moves an online player's presence to another location: true; false (nothing done) for an offline player. */
    public Uni<Boolean> move(String playerId, String name, String fromLocationId, String toLocationId) {
        return MOVE.run(redis, List.of(RedisKeys.sockets(playerId), RedisKeys.presence(fromLocationId),
                        RedisKeys.presence(toLocationId)), playerId, name)
                .map(moved -> moved != null && moved.toLong() == 1);
    }

    /**
     * Drops from a location's roster every player who has no socket: entries left by anything that broke the
     * invariant (presence written before sockets were counted, a partial loss of Redis data). Returns how many.
     */
    public Uni<Long> sweep(String locationId) {
        String room = RedisKeys.presence(locationId);
        return redis.hash(String.class).hkeys(room).chain(ids -> {
            List<List<String>> batches = new ArrayList<>();
            for (int i = 0; i < ids.size(); i += SWEEP_BATCH) {
                batches.add(ids.subList(i, Math.min(ids.size(), i + SWEEP_BATCH)));
            }
            Uni<Long> removed = Uni.createFrom().item(0L);
            for (List<String> batch : batches) {
                List<String> keys = new ArrayList<>(batch.size() + 1);
                keys.add(room);
                batch.forEach(id -> keys.add(RedisKeys.sockets(id)));
                removed = removed.chain(sum -> SWEEP.run(redis, keys, batch.toArray(String[]::new))
                        .map(reply -> sum + reply.toLong()));
            }
            return removed;
        });
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
        return redis.key().exists(RedisKeys.sockets(playerId));
    }
}
