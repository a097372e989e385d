package com.langomni.orchestrator.admin.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.admin.topology.BackendFigures;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.langomni.orchestrator.common.LuaScript;
import com.langomni.orchestrator.common.RedisKeys;

/**
 * The cluster-wide statistics in Redis: per-second hashes for the live minute, per-step hashes for the hour of
 * history (both written by one script call per second of counts, so replicas simply add up), and the backend
 * samples with the SET NX that elects who takes each one.
 */
@ApplicationScoped
public class StatsStore {

    public static final int STEP_SECONDS = 10;
    /** Per-second counts serve only the live minute; a few minutes cover late flushes and clock skew. */
    static final Duration SECOND_TTL = Duration.ofMinutes(5);

    private static final LuaScript ADD = new LuaScript("""
            for i = 3, #ARGV, 2 do
              redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
              redis.call('HINCRBY', KEYS[2], ARGV[i], ARGV[i + 1])
            end
            redis.call('EXPIRE', KEYS[1], ARGV[1])
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            return 1
            """);
    private static final LuaScript READ = new LuaScript("""
            local out = {}
            for i, key in ipairs(KEYS) do
              out[i] = redis.call('HGETALL', key)
            end
            return out
            """);
    private static final TypeReference<Map<String, BackendFigures>> SAMPLE = new TypeReference<>() {
    };

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper json;
    private final StatsConfig config;

    StatsStore(ReactiveRedisDataSource redis, ObjectMapper json, StatsConfig config) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.json = json;
        this.config = config;
    }

    /** Adds the counts of one second to its second and its step. */
    public Uni<Void> add(long epochSecond, StatsCounts counts) {
        Map<String, Long> fields = counts.fields();
        if (fields.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> args = new ArrayList<>(2 + fields.size() * 2);
        args.add(Long.toString(SECOND_TTL.toSeconds()));
        args.add(Long.toString(config.retention().toSeconds()));
        fields.forEach((name, value) -> {
            args.add(name);
            args.add(Long.toString(value));
        });
        return ADD.run(redis, List.of(RedisKeys.statsSecond(epochSecond),
                        RedisKeys.statsStep(HistorySteps.stepStart(epochSecond, STEP_SECONDS))),
                        args.toArray(String[]::new))
                .replaceWithVoid();
    }

    /** The counts of the seconds {@code from}..{@code to} (inclusive), oldest first; zero where nothing was recorded. */
    public Uni<List<StatsCounts>> seconds(long from, long to) {
        List<String> keys = new ArrayList<>();
        for (long second = from; second <= to; second++) {
            keys.add(RedisKeys.statsSecond(second));
        }
        return read(keys);
    }

    /** The counts of the steps starting at {@code firstStart}.. {@code lastStart} (inclusive) that recorded anything. */
    public Uni<Map<Long, StatsCounts>> steps(long firstStart, long lastStart) {
        List<Long> starts = new ArrayList<>();
        for (long start = firstStart; start <= lastStart; start += STEP_SECONDS) {
            starts.add(start);
        }
        return read(starts.stream().map(RedisKeys::statsStep).toList()).map(counts -> {
            Map<Long, StatsCounts> byStart = new TreeMap<>();
            for (int i = 0; i < starts.size(); i++) {
                if (!counts.get(i).isEmpty()) {
                    byStart.put(starts.get(i), counts.get(i));
                }
            }
            return byStart;
        });
    }

    /** True for the one replica that gets to take the sample of {@code epochSecond}. */
    public Uni<Boolean> claimSample(long epochSecond, String replica) {
        return redis.execute("SET", RedisKeys.backendSampler(epochSecond), replica, "NX", "PX",
                        Long.toString(config.sampleInterval().multipliedBy(2).toMillis()))
                .map(reply -> reply != null)
                .onFailure().recoverWithItem(false);
    }

    public Uni<Void> saveSample(long epochSecond, Map<String, BackendFigures> sample) {
        return values.setex(RedisKeys.backendSample(epochSecond), config.retention().toSeconds(), write(sample));
    }

    /** The backend samples taken at the seconds listed, by second; missing or unreadable ones are left out. */
    public Uni<Map<Long, Map<String, BackendFigures>>> samples(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] keys = seconds.stream().map(RedisKeys::backendSample).toArray(String[]::new);
        return values.mget(keys).map(found -> {
            Map<Long, Map<String, BackendFigures>> samples = new TreeMap<>();
            for (int i = 0; i < keys.length; i++) {
                String text = found.get(keys[i]);
                if (text != null) {
                    Map<String, BackendFigures> sample = parse(text);
                    if (sample != null) {
                        samples.put(seconds.get(i), sample);
                    }
                }
            }
            return samples;
        });
    }

    private Uni<List<StatsCounts>> read(List<String> keys) {
        return READ.run(redis, keys).map(reply -> {
            List<StatsCounts> counts = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                counts.add(StatsCounts.of(fields(reply == null || i >= reply.size() ? null : reply.get(i))));
            }
            return counts;
        });
    }

    private static Map<String, Long> fields(Response hash) {
        Map<String, Long> fields = new LinkedHashMap<>();
        if (hash == null) {
            return fields;
        }
        for (int i = 0; i + 1 < hash.size(); i += 2) {
            try {
                fields.put(hash.get(i).toString(), hash.get(i + 1).toLong());
            } catch (NumberFormatException notOurs) {
                // a field another version wrote differently
            }
        }
        return fields;
    }

    private Map<String, BackendFigures> parse(String text) {
        try {
            return json.readValue(text, SAMPLE);
        } catch (JsonProcessingException e) {
            Log.debugf("Unreadable backend sample dropped: %s", e.getOriginalMessage());
            return null;
        }
    }

    private String write(Map<String, BackendFigures> sample) {
        try {
            return json.writeValueAsString(sample);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a backend sample is always serialisable", e);
        }
    }
}
