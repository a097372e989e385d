package com.langomni.orchestrator.session;

import com.langomni.api.game.OutboxFrame;
import com.langomni.api.game.OutboxReplay;
import com.langomni.api.protocol.Sequenced;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.langomni.orchestrator.common.LuaScript;
import com.langomni.orchestrator.common.RedisKeys;

/**
 * Each player's outbox: every frame addressed to a player (results, errors, room events) gets the player's next
 * sequence number and is appended to a Redis Stream (ids {@code <seq>-0}) in the same script that publishes it,
 * so nothing reaches a gateway that a reconnecting client could not get back. Pub/sub stays the fast path; the
 * stream is what resume and catch-up read.
 */
@ApplicationScoped
public class Outbox {

    /**
     * append(player, frame, actionId): INCR the player's counter, XADD the frame, refresh both expiries. A counter
     * that starts again (its key expired or Redis lost it) drops the old stream, whose ids would be higher.
     * KEYS are not declared for the players of a room (they are found in the script), so this needs a single
     * Redis, not a cluster.
     */
    private static final String APPEND = """
            local function append(player, frame, action)
              local counter = ARGV[1] .. 'outbox-seq:' .. player
              local stream = ARGV[1] .. 'outbox:' .. player
              local seq = redis.call('INCR', counter)
              if seq == 1 then redis.call('DEL', stream) end
              redis.call('PEXPIRE', counter, ARGV[4])
              redis.call('XADD', stream, 'MAXLEN', '~', ARGV[2], seq .. '-0', 'f', frame, 'a', action)
              redis.call('PEXPIRE', stream, ARGV[3])
              return seq
            end
            """;

    /** One frame for one player; the message published on CHANNEL gets the seq spliced in. */
    private static final LuaScript ONE = new LuaScript(APPEND + """
            local seq = append(ARGV[5], ARGV[6], ARGV[7])
            redis.call('PUBLISH', ARGV[8], '{"seq":' .. seq .. ',' .. string.sub(ARGV[9], 2))
            return seq
            """);

    /**
     * A room event: recorded in the room's history (KEYS[2]) and appended for every player online in the room
     * (KEYS[1], the presence hash) but the actor, then published once with each recipient's seq.
     */
    private static final LuaScript ROOM = new LuaScript(APPEND + """
            redis.call('LPUSH', KEYS[2], ARGV[5])
            redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[6]) - 1)
            local seqs = {}
            for _, player in ipairs(redis.call('HKEYS', KEYS[1])) do
              if player ~= ARGV[7] then
                seqs[#seqs + 1] = '"' .. player .. '":' .. append(player, ARGV[8], '')
              end
            end
            redis.call('PUBLISH', ARGV[9], '{"seqs":{' .. table.concat(seqs, ',') .. '},' .. string.sub(ARGV[10], 2))
            return #seqs
            """);

    /**
     * The frames after ARGV[1]: {head, resume, id1, frame1, id2, frame2, …}. "expired" when some of them are
     * gone (trimmed, expired, or the counter started again below the client's number).
     */
    private static final LuaScript REPLAY = new LuaScript("""
            local head = tonumber(redis.call('GET', KEYS[1]) or '0')
            local after = tonumber(ARGV[1])
            if after == head then return {head, 'ok'} end
            if after > head then return {head, 'expired'} end
            local first = redis.call('XRANGE', KEYS[2], '-', '+', 'COUNT', 1)
            if #first == 0 or tonumber(string.match(first[1][1], '^(%d+)')) > after + 1 then
              return {head, 'expired'}
            end
            local out = {head, 'ok'}
            for _, entry in ipairs(redis.call('XRANGE', KEYS[2], string.format('%d-1', after), '+', 'COUNT', ARGV[2])) do
              local fields = entry[2]
              for i = 1, #fields, 2 do
                if fields[i] == 'f' then
                  out[#out + 1] = entry[1]
                  out[#out + 1] = fields[i + 1]
                end
              end
            end
            return out
            """);

    /** The newest result frame kept for action ARGV[1], or nil. */
    private static final LuaScript FIND = new LuaScript("""
            for _, entry in ipairs(redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', ARGV[2])) do
              local fields = entry[2]
              local frame, action
              for i = 1, #fields, 2 do
                if fields[i] == 'f' then frame = fields[i + 1] elseif fields[i] == 'a' then action = fields[i + 1] end
              end
              if action == ARGV[1] and frame and string.find(frame, '"type":"result"', 1, true) then
                return frame
              end
            end
            return false
            """);

    private final ReactiveRedisDataSource redis;
    private final OutboxConfig config;

    Outbox(ReactiveRedisDataSource redis, OutboxConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /**
     * Appends {@code frameJson} to the player's outbox and publishes {@code messageJson} (a JSON object) on
     * {@code channel} with the new seq as its first property. {@code actionId} may be null.
     *
     * @return the frame's sequence number
     */
    public Uni<Long> append(String playerId, String frameJson, String actionId, String channel, String messageJson) {
        return ONE.run(redis, List.of(RedisKeys.outboxSeq(playerId), RedisKeys.outbox(playerId)),
                        common(playerId, frameJson, actionId == null ? "" : actionId, channel, messageJson))
                .map(Response::toLong);
    }

    /**
     * Appends a room event for everyone online in {@code locationId} but {@code excludePlayerId} and publishes
     * {@code messageJson} once on {@code channel} with {@code "seqs":{player: seq, …}} spliced in; records
     * {@code historyText} in the room's recent history.
     *
     * @return how many players it was appended for
     */
    public Uni<Integer> appendToRoom(String locationId, String excludePlayerId, String historyText, int historyKept,
                                     String frameJson, String channel, String messageJson) {
        return ROOM.run(redis, List.of(RedisKeys.presence(locationId), RedisKeys.recent(locationId)),
                        RedisKeys.prefix(), Integer.toString(config.retention()),
                        Long.toString(config.idleExpiry().toMillis()), Long.toString(config.counterExpiry().toMillis()),
                        historyText, Integer.toString(historyKept), excludePlayerId == null ? "" : excludePlayerId,
                        frameJson, channel, messageJson)
                .map(Response::toInteger);
    }

    /** What the player's outbox holds after {@code after} (see {@link OutboxReplay}). */
    public Uni<OutboxReplay> after(String playerId, long after) {
        if (after < 0) {
            return head(playerId).map(head -> new OutboxReplay(head, Sequenced.EXPIRED, List.of()));
        }
        return REPLAY.run(redis, List.of(RedisKeys.outboxSeq(playerId), RedisKeys.outbox(playerId)),
                        Long.toString(after), Integer.toString(config.retention() * 2))
                .map(reply -> {
                    List<OutboxFrame> frames = new ArrayList<>();
                    for (int i = 2; i + 1 < reply.size(); i += 2) {
                        String id = reply.get(i).toString();
                        frames.add(new OutboxFrame(Long.parseLong(id.substring(0, id.indexOf('-'))),
                                reply.get(i + 1).toString()));
                    }
                    return new OutboxReplay(reply.get(0).toLong(), reply.get(1).toString(), List.copyOf(frames));
                });
    }

    /** The last sequence number given to the player (0 before the first frame). */
    public Uni<Long> head(String playerId) {
        return redis.value(Long.class).get(RedisKeys.outboxSeq(playerId)).map(head -> head == null ? 0L : head);
    }

    /** The result frame (JSON, without seq) the outbox still holds for one of the player's actions. */
    public Uni<Optional<String>> findResult(String playerId, String actionId) {
        return FIND.run(redis, List.of(RedisKeys.outbox(playerId)), actionId, Integer.toString(config.retention() * 2))
                .map(found -> found == null || found.toString() == null ? Optional.<String>empty()
                        : Optional.of(found.toString()));
    }

    private String[] common(String playerId, String frameJson, String actionId, String channel, String messageJson) {
        return new String[] {RedisKeys.prefix(), Integer.toString(config.retention()),
                Long.toString(config.idleExpiry().toMillis()), Long.toString(config.counterExpiry().toMillis()),
                playerId, frameJson, actionId, channel, messageJson};
    }
}
