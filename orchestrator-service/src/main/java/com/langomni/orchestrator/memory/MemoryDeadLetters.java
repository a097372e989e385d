package com.langomni.orchestrator.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.common.LuaScript;

/**
 * The memory writes given up on: the stream {@code <stream>:dead} (XADD MAXLEN ~ dead-letter-max-length), one entry
 * per write with its fields ({@code write}, {@code key}) and {@code attempts}, {@code error} and {@code failedAt}
 * (epoch millis). The worker buries entries here; an admin lists them, replays one (back on the work stream with
 * its key and no attempts, so a write that had in fact been stored is not stored twice) or deletes one.
 */
@ApplicationScoped
public class MemoryDeadLetters {

    /** The most dead letters one listing returns. */
    public static final int PAGE = 100;
    static final String FAILED_AT = "failedAt";
    private static final int SUMMARY_CHARS = 120;
    private static final int ERROR_CHARS = 500;
    private static final Pattern ENTRY_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");

    /** Acknowledges and deletes the work entry and adds the dead letter; 0 when another consumer settled it. */
    private static final LuaScript BURY = new LuaScript("""
            if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
            redis.call('XDEL', KEYS[1], ARGV[2])
            redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
            return 1
            """);

    /** Moves dead letter ARGV[1] back to the work stream (write and key only); 0 when there is none by that id. */
    private static final LuaScript REPLAY = new LuaScript("""
            local found = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
            if #found == 0 then return 0 end
            local f = found[1][2]
            local fields = {}
            for i = 1, #f, 2 do
              if f[i] == 'write' or f[i] == 'key' then
                table.insert(fields, f[i])
                table.insert(fields, f[i + 1])
              end
            end
            if #fields > 0 then
              redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', unpack(fields))
            end
            redis.call('XDEL', KEYS[1], ARGV[1])
            return 1
            """);

    private final ReactiveRedisDataSource redis;
    private final ReactiveStreamCommands<String, String, String> streams;
    private final ObjectMapper json;
    private final MemoryQueueConfig config;

    MemoryDeadLetters(ReactiveRedisDataSource redis, ObjectMapper json, MemoryQueueConfig config) {
        this.redis = redis;
        this.streams = redis.stream(String.class);
        this.json = json;
        this.config = config;
    }

    /** The newest {@link #PAGE} dead letters, newest first, and their total. */
    public Uni<MemoryDeadLetterPage> list() {
        String dead = deadLetters();
        return Uni.combine().all()
                .unis(streams.xlen(dead), streams.xrevrange(dead, StreamRange.of("+", "-"), PAGE))
                .asTuple()
                .map(found -> new MemoryDeadLetterPage(found.getItem1(),
                        found.getItem2().stream().map(this::view).toList()));
    }

    /** Puts dead letter {@code id} back on the work stream with its attempts reset; 404 when there is none. */
    public Uni<Void> replay(String id) {
        if (!ENTRY_ID.matcher(id).matches()) {
            return Uni.createFrom().failure(unknown(id));
        }
        return REPLAY.run(redis, List.of(deadLetters(), config.stream()), id, Long.toString(config.maxLength()))
                .map(moved -> {
                    if (moved.toLong() == 0) {
                        throw unknown(id);
                    }
                    return null;
                });
    }

    /** Forgets dead letter {@code id}; 404 when there is none. */
    public Uni<Void> delete(String id) {
        if (!ENTRY_ID.matcher(id).matches()) {
            return Uni.createFrom().failure(unknown(id));
        }
        return streams.xdel(deadLetters(), id).map(deleted -> {
            if (deleted == 0) {
                throw unknown(id);
            }
            return null;
        });
    }

    /** Dead letters in all. */
    Uni<Long> count() {
        return streams.xlen(deadLetters());
    }

    /**
     * Moves {@code entry}, pending with this consumer's group, to the dead letters; false when another consumer
     * had settled it already (then nothing changes).
     */
    boolean bury(QueuedWrite entry, int attempts, String error, long failedAt, Duration timeout) {
        List<String> args = new ArrayList<>(List.of(config.group(), entry.id(),
                Long.toString(config.deadLetterMaxLength()),
                QueuedWrite.WRITE, entry.payload() == null ? "" : entry.payload(),
                QueuedWrite.KEY, entry.key(),
                QueuedWrite.ATTEMPTS, Integer.toString(attempts),
                QueuedWrite.ERROR, clip(error, ERROR_CHARS),
                FAILED_AT, Long.toString(failedAt)));
        return BURY.run(redis, List.of(config.stream(), deadLetters()), args.toArray(String[]::new))
                .await().atMost(timeout).toLong() == 1;
    }

    private String deadLetters() {
        return MemoryQueueKeys.deadLetters(config.stream());
    }

    private MemoryDeadLetter view(StreamMessage<String, String, String> message) {
        Map<String, String> fields = message.payload() == null ? Map.of() : message.payload();
        QueuedWrite entry = QueuedWrite.of(message.id(), fields);
        String payload = entry.payload() == null ? "" : entry.payload();
        String kind = null;
        String owner = null;
        String summary = payload;
        try {
            JsonNode write = json.readTree(payload);
            if (write != null && write.isObject()) {
                kind = text(write, "kind");
                owner = text(write, "ownerId");
                summary = write.path("text").asText("");
            }
        } catch (IOException e) {
            // not a memory write: the raw entry is the summary
        }
        return new MemoryDeadLetter(message.id(), kind, owner, entry.attempts(), entry.lastError(),
                failedAt(fields.get(FAILED_AT), message.id()), clip(summary, SUMMARY_CHARS));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The recorded time, else the time in the dead letter's id (when it was added). */
    private static String failedAt(String millis, String id) {
        long at;
        try {
            at = Long.parseLong(millis);
        } catch (NumberFormatException | NullPointerException e) {
            at = Long.parseLong(id.substring(0, id.indexOf('-')));
        }
        return Instant.ofEpochMilli(at).toString();
    }

    private static String clip(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    private static ApiException unknown(String id) {
        return ApiException.notFound("no dead letter " + id);
    }
}
