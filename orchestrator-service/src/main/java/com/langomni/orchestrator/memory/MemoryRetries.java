package com.langomni.orchestrator.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.langomni.orchestrator.common.LuaScript;

/**
 * Entries of the memory write queue that failed and wait for their next attempt, so that the worker goes on with
 * the others meanwhile. A failed entry leaves the stream for the sorted set {@code <stream>:delayed}, scored by
 * when it is due, and comes back at the stream's end once it is (with its key, its attempts so far and the last
 * error). Both moves are one Lua script each, so a crash at any point neither loses nor doubles an entry, and
 * replicas may promote concurrently.
 */
@ApplicationScoped
class MemoryRetries {

    /** Acknowledges and deletes the entry and parks its fields; 0 when another consumer already settled it. */
    private static final LuaScript PARK = new LuaScript("""
            if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
            redis.call('XDEL', KEYS[1], ARGV[2])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
            return 1
            """);

    /** Moves the parked entries due by ARGV[1] (at most ARGV[2]) back to the stream; returns how many. */
    private static final LuaScript PROMOTE = new LuaScript("""
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
            for _, member in ipairs(due) do
              local e = cjson.decode(member)
              redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'write', e.write, 'key', e.key,
                'attempts', tostring(e.attempts), 'error', e.error)
              redis.call('ZREM', KEYS[1], member)
            end
            return #due
            """);

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final MemoryQueueConfig config;

    MemoryRetries(ReactiveRedisDataSource redis, ObjectMapper json, MemoryQueueConfig config) {
        this.redis = redis;
        this.json = json;
        this.config = config;
    }

    /** Parks {@code entry} after its {@code attempts}-th failed attempt until {@code dueAt} (epoch millis). */
    boolean park(QueuedWrite entry, int attempts, String error, long dueAt, Duration timeout) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(QueuedWrite.WRITE, entry.payload());
        fields.put(QueuedWrite.KEY, entry.key());
        fields.put(QueuedWrite.ATTEMPTS, attempts);
        fields.put(QueuedWrite.ERROR, error);
        return PARK.run(redis, List.of(config.stream(), MemoryQueueKeys.delayed(config.stream())),
                config.group(), entry.id(), Long.toString(dueAt), encode(fields))
                .await().atMost(timeout).toLong() == 1;
    }

    /** Puts the entries due by {@code now} (epoch millis), at most {@code count}, back on the stream. */
    long promoteDue(long now, int count, Duration timeout) {
        return PROMOTE.run(redis, List.of(MemoryQueueKeys.delayed(config.stream()), config.stream()),
                Long.toString(now), Integer.toString(count), Long.toString(config.maxLength()))
                .await().atMost(timeout).toLong();
    }

    /** Entries waiting for their next attempt. */
    long waiting(Duration timeout) {
        return redis.sortedSet(String.class).zcard(MemoryQueueKeys.delayed(config.stream())).await().atMost(timeout);
    }

    private String encode(Map<String, Object> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and a number are always serialisable", e);
        }
    }
}
