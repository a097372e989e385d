package com.langomni.orchestrator.admin.metering;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import com.langomni.orchestrator.common.LuaScript;
import com.langomni.orchestrator.common.RedisKeys;

/**
 * Whether a player may still spend LLM tokens: their hour and day budgets (an admin's override or the configured
 * defaults) and the world's hour budget, against what {@link TokenMeter} metered, in one script. The check is made
 * before an LLM call, so a call already under way finishes (a budget can be overrun by the calls in flight). It
 * fails open: metering is accounting, not security, and a Redis failure must not silence the world model.
 */
@ApplicationScoped
public class LlmBudgets {

    /**
     * KEYS: player hour, player day, player budget, world hour, world budget. ARGV: default per hour, per day,
     * world per hour. A limit of 0 is none. 1: may spend; 0: the player is over a budget; -1: the world is.
     */
    private static final LuaScript CHECK = new LuaScript("""
            local function limit(key, field, default)
              local v = redis.call('HGET', key, field)
              if v then return tonumber(v) end
              return tonumber(default)
            end
            local function spent(key) return tonumber(redis.call('HGET', key, 'tokens') or '0') end
            local world = limit(KEYS[5], 'perHour', ARGV[3])
            if world > 0 and spent(KEYS[4]) >= world then return -1 end
            local hour = limit(KEYS[3], 'perHour', ARGV[1])
            if hour > 0 and spent(KEYS[1]) >= hour then return 0 end
            local day = limit(KEYS[3], 'perDay', ARGV[2])
            if day > 0 and spent(KEYS[2]) >= day then return 0 end
            return 1
            """);

    private final ReactiveRedisDataSource redis;
    private final MeteringConfig.Budget config;

    LlmBudgets(ReactiveRedisDataSource redis, MeteringConfig config) {
        this.redis = redis;
        this.config = config.budget();
    }

    /** Whether {@code playerId} may spend LLM tokens now; true when budgets are off or Redis does not answer. */
    public Uni<Boolean> allows(String playerId) {
        if (!config.enabled()) {
            return Uni.createFrom().item(true);
        }
        long now = System.currentTimeMillis();
        long hour = TokenMeter.hourOf(now);
        List<String> keys = List.of(RedisKeys.meterPlayerHour(playerId, hour),
                RedisKeys.meterPlayerDay(playerId, TokenMeter.dayOf(now)), RedisKeys.budgetPlayer(playerId),
                RedisKeys.meterWorldHour(hour), RedisKeys.budgetWorld());
        return CHECK.run(redis, keys, Long.toString(config.playerTokensPerHour()),
                        Long.toString(config.playerTokensPerDay()), Long.toString(config.worldTokensPerHour()))
                .map(reply -> reply == null || reply.toInteger() > 0)
                .onFailure().invoke(failure -> Log.debugf("Budget of %s not checked: %s", playerId, failure.toString()))
                .onFailure().recoverWithItem(true);
    }
}
