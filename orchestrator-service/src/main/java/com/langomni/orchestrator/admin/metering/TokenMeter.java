package com.langomni.orchestrator.admin.metering;

import com.langomni.api.narration.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.langomni.orchestrator.common.LuaScript;
import com.langomni.orchestrator.common.RedisKeys;

/**
 * Meters the LLM tokens spent for the game: world narration, NPC replies, the importance ratings of memories and
 * NPCs' reflections,
 * each attributed to the player it was for (and the NPC that spoke), in Redis so every replica and the budgets see
 * the same totals: per player per clock hour and per day, per NPC, and for the world per hour by role, each with
 * its cost at the configured price. All counters of one call move in one script. Prometheus gets the totals
 * without player tags (unbounded cardinality); the tokens of npc-llm-service's own calls are counted there too
 * (role npc, importance, reflection), so Prometheus sums are per service. Metering happens in the background: the
 * action never waits for it, and a Redis failure loses that call's figures, nothing else.
 */
@ApplicationScoped
public class TokenMeter {

    public static final String WORLD = "world";
    public static final String NPC = "npc";
    public static final String IMPORTANCE = "importance";
    public static final String REFLECTION = "reflection";
    static final String PROMPT = "prompt";
    static final String COMPLETION = "completion";
    /**
     * Costs are kept as integer billionths of the currency unit (Redis increments integers exactly; a few tokens at a
     * self-hosted price are still many nanos, where micros would round whole calls to zero).
     */
    public static final double NANOS = 1_000_000_000.0;
    static final long HOUR_TTL_SECONDS = 2 * 3600;
    static final long DAY_TTL_SECONDS = 2 * 86400;

    /**
     * KEYS: player hour, player day, world hour, players of the hour, NPC, player all-time, world all-time (player and
     * NPC keys may be "" when the call was for none). ARGV: role, prompt, completion, cost in nanos, hour TTL, day TTL, player.
     */
    private static final LuaScript METER = new LuaScript("""
            local role, p, c, n = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
            local function add(key, ttl)
              if key == '' then return end
              redis.call('HINCRBY', key, 'prompt', p)
              redis.call('HINCRBY', key, 'completion', c)
              redis.call('HINCRBY', key, 'tokens', p + c)
              redis.call('HINCRBY', key, 'nanos', n)
              redis.call('HINCRBY', key, role .. ':tokens', p + c)
              redis.call('HINCRBY', key, role .. ':nanos', n)
              if ttl then redis.call('EXPIRE', key, ttl) end
            end
            add(KEYS[1], ARGV[5])
            add(KEYS[2], ARGV[6])
            add(KEYS[3], ARGV[5])
            add(KEYS[5], nil)
            if KEYS[1] ~= '' then
              redis.call('ZINCRBY', KEYS[4], p + c, ARGV[7])
              redis.call('EXPIRE', KEYS[4], ARGV[5])
              redis.call('HINCRBY', KEYS[6], 'prompt', p)
              redis.call('HINCRBY', KEYS[6], 'completion', c)
            end
            redis.call('HINCRBY', KEYS[7], 'prompt', p)
            redis.call('HINCRBY', KEYS[7], 'completion', c)
            return 1
            """);

    private final ReactiveRedisDataSource redis;
    private final MeterRegistry registry;
    private final Map<String, Double> prices;

    TokenMeter(ReactiveRedisDataSource redis, MeterRegistry registry, MeteringConfig config) {
        this.redis = redis;
        this.registry = registry;
        this.prices = config.pricePer1k();
        for (String role : List.of(WORLD, NPC, IMPORTANCE, REFLECTION)) {
            tokens(role, PROMPT);
            tokens(role, COMPLETION);
            cost(role);
        }
    }

    /** Price of {@code tokens} of {@code role} in the configured currency. */
    public double cost(String role, long tokens) {
        return tokens / 1000.0 * prices.getOrDefault(role, 0.0);
    }

    public Map<String, Double> prices() {
        return prices;
    }

    /** World narration for a player. */
    public void record(String playerId, TokenUsage usage) {
        record(WORLD, playerId, null, usage);
    }

    /** Tokens of {@code role} spent for {@code playerId} (null: for no player) and {@code npcId} (null: none). */
    public void record(String role, String playerId, String npcId, TokenUsage usage) {
        if (usage == null || (usage.promptTokens() <= 0 && usage.completionTokens() <= 0)) {
            return;
        }
        long prompt = Math.max(0, usage.promptTokens());
        long completion = Math.max(0, usage.completionTokens());
        double cost = cost(role, prompt + completion);
        tokens(role, PROMPT).increment(prompt);
        tokens(role, COMPLETION).increment(completion);
        cost(role).increment(cost);
        long now = System.currentTimeMillis();
        long hour = hourOf(now);
        boolean player = playerId != null && !playerId.isBlank();
        List<String> keys = List.of(
                player ? RedisKeys.meterPlayerHour(playerId, hour) : "",
                player ? RedisKeys.meterPlayerDay(playerId, dayOf(now)) : "",
                RedisKeys.meterWorldHour(hour), RedisKeys.meterPlayersHour(hour),
                npcId == null || npcId.isBlank() ? "" : RedisKeys.meterNpc(npcId),
                player ? RedisKeys.playerTokens(playerId) : "", RedisKeys.worldTokens());
        METER.run(redis, keys, role.toLowerCase(Locale.ROOT), Long.toString(prompt), Long.toString(completion),
                        Long.toString(Math.round(cost * NANOS)), Long.toString(HOUR_TTL_SECONDS),
                        Long.toString(DAY_TTL_SECONDS), player ? playerId : "")
                .subscribe().with(ignored -> { },
                        failure -> Log.warnf("LLM tokens for %s not metered: %s", playerId, failure.toString()));
    }

    public static long hourOf(long epochMillis) {
        return epochMillis / 3_600_000L;
    }

    public static long dayOf(long epochMillis) {
        return epochMillis / 86_400_000L;
    }

    private Counter tokens(String role, String kind) {
        return Counter.builder("langomni.llm.tokens").description("LLM tokens spent, by backend role")
                .tag("role", role).tag("kind", kind).register(registry);
    }

    private Counter cost(String role) {
        return Counter.builder("langomni.llm.cost").description("LLM cost at the configured price, by backend role")
                .tag("role", role).register(registry);
    }
}
