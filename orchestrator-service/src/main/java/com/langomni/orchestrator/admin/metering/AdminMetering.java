package com.langomni.orchestrator.admin.metering;

import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.game.state.PlayerIds;
import com.langomni.orchestrator.game.state.PlayerSnapshot;
import com.langomni.orchestrator.game.state.PlayerStateStore;
import com.langomni.orchestrator.common.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin's view of LLM spend and budgets, read from what {@code TokenMeter} metered in Redis, and the admin's
 * budget changes ({@code LlmBudgets} reads them on the next LLM call).
 */
@ApplicationScoped
public class AdminMetering {

    static final int LISTED = 100;
    private static final List<String> ROLES = List.of(TokenMeter.WORLD, TokenMeter.NPC, TokenMeter.IMPORTANCE,
            TokenMeter.REFLECTION);
    private static final String PER_HOUR = "perHour";
    private static final String PER_DAY = "perDay";

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveSortedSetCommands<String, String> spenders;
    private final PlayerStateStore players;
    private final TokenMeter meter;
    private final MeteringConfig config;

    AdminMetering(ReactiveRedisDataSource redis, PlayerStateStore players, TokenMeter meter, MeteringConfig config) {
        this.hashes = redis.hash(String.class);
        this.spenders = redis.sortedSet(String.class);
        this.players = players;
        this.meter = meter;
        this.config = config;
    }

    public Uni<Metering> overview() {
        long now = System.currentTimeMillis();
        long hour = TokenMeter.hourOf(now);
        Uni<Map<String, String>> world = hashes.hgetall(RedisKeys.meterWorldHour(hour));
        Uni<Long> spent = spenders.zcard(RedisKeys.meterPlayersHour(hour));
        Uni<List<PlayerSpend>> top = spenders.zrangeWithScores(RedisKeys.meterPlayersHour(hour), 0, LISTED - 1,
                        new ZRangeArgs().rev())
                .chain(listed -> listed.isEmpty() ? Uni.createFrom().item(List.<PlayerSpend>of())
                        : players.cached(listed.stream().map(ScoredValue::value).toList()).chain(known -> Uni.join()
                                .all(listed.stream().map(s -> spend(s.value(), name(known.get(s.value())), now)).toList())
                                .andFailFast()));
        return Uni.combine().all().unis(world, spent, top, worldLimit()).asTuple().map(t -> {
            Map<String, String> w = t.getItem1();
            long tokens = number(w, "tokens");
            double cost = number(w, "nanos") / TokenMeter.NANOS;
            long limit = t.getItem4();
            Map<String, Metering.RoleSpend> roles = new LinkedHashMap<>();
            ROLES.forEach(role -> roles.put(role, new Metering.RoleSpend(number(w, role + ":tokens"),
                    number(w, role + ":nanos") / TokenMeter.NANOS)));
            long playersThisHour = t.getItem2();
            double elapsed = Math.max(1.0 / 60, (now % 3_600_000L) / 3_600_000.0);
            double perPlayerHour = playersThisHour == 0 ? 0 : cost / (playersThisHour * elapsed);
            return new Metering(config.currency(), Instant.ofEpochMilli(hour * 3_600_000L).toString(),
                    meter.prices(), new Metering.WorldSpend(number(w, "prompt"), number(w, "completion"), tokens, cost,
                            limit, limit > 0 && tokens >= limit),
                    roles, playersThisHour, perPlayerHour, t.getItem3());
        });
    }

    public Uni<PlayerSpend> player(String playerId) {
        return known(playerId).chain(snapshot -> spend(playerId, snapshot.state().name(), System.currentTimeMillis()));
    }

    public Uni<PlayerSpend> setBudget(String playerId, BudgetRequest request) {
        if (request == null || negative(request.perHour()) || negative(request.perDay())) {
            return Uni.createFrom().failure(ApiException.badRequest("budgets are token counts of 0 (none) or more"));
        }
        String key = RedisKeys.budgetPlayer(playerId);
        return known(playerId)
                .call(() -> set(key, PER_HOUR, request.perHour()))
                .call(() -> set(key, PER_DAY, request.perDay()))
                .chain(this::spendOf);
    }

    /** Zeroes this hour's and today's spend: the player may use the model again at once. */
    public Uni<PlayerSpend> reset(String playerId) {
        long now = System.currentTimeMillis();
        return known(playerId)
                .call(() -> hashes.hdel(RedisKeys.meterPlayerHour(playerId, TokenMeter.hourOf(now)), "tokens"))
                .call(() -> hashes.hdel(RedisKeys.meterPlayerDay(playerId, TokenMeter.dayOf(now)), "tokens"))
                .chain(this::spendOf);
    }

    public Uni<Metering.WorldSpend> setWorldBudget(BudgetRequest request) {
        if (request == null || negative(request.perHour())) {
            return Uni.createFrom().failure(ApiException.badRequest("perHour is a token count of 0 (none) or more"));
        }
        return set(RedisKeys.budgetWorld(), PER_HOUR, request.perHour()).chain(this::overview).map(Metering::world);
    }

    private Uni<PlayerSpend> spendOf(PlayerSnapshot snapshot) {
        return spend(snapshot.state().id(), snapshot.state().name(), System.currentTimeMillis());
    }

    private Uni<PlayerSpend> spend(String playerId, String name, long now) {
        Uni<Map<String, String>> hour = hashes.hgetall(RedisKeys.meterPlayerHour(playerId, TokenMeter.hourOf(now)));
        Uni<Map<String, String>> day = hashes.hgetall(RedisKeys.meterPlayerDay(playerId, TokenMeter.dayOf(now)));
        Uni<Map<String, String>> budget = hashes.hgetall(RedisKeys.budgetPlayer(playerId));
        return Uni.combine().all().unis(hour, day, budget).asTuple().map(t -> {
            Map<String, String> custom = t.getItem3();
            long perHour = limit(custom, PER_HOUR, config.budget().playerTokensPerHour());
            long perDay = limit(custom, PER_DAY, config.budget().playerTokensPerDay());
            long hourTokens = number(t.getItem1(), "tokens");
            long dayTokens = number(t.getItem2(), "tokens");
            boolean over = config.budget().enabled()
                    && ((perHour > 0 && hourTokens >= perHour) || (perDay > 0 && dayTokens >= perDay));
            return new PlayerSpend(playerId, name, hourTokens, dayTokens, number(t.getItem1(), "nanos") / TokenMeter.NANOS,
                    number(t.getItem2(), "nanos") / TokenMeter.NANOS, perHour, perDay, !custom.isEmpty(), over);
        });
    }

    private Uni<Long> worldLimit() {
        return hashes.hget(RedisKeys.budgetWorld(), PER_HOUR)
                .map(value -> value == null ? config.budget().worldTokensPerHour() : Long.parseLong(value));
    }

    private Uni<PlayerSnapshot> known(String playerId) {
        if (PlayerIds.parse(playerId).isEmpty()) {
            return Uni.createFrom().failure(ApiException.notFound("no such player"));
        }
        return players.get(playerId).map(found -> found.orElseThrow(() -> ApiException.notFound("no such player")));
    }

    private Uni<Void> set(String key, String field, Long value) {
        return value == null ? hashes.hdel(key, field).replaceWithVoid() : hashes.hset(key, field, Long.toString(value)).replaceWithVoid();
    }

    private static boolean negative(Long value) {
        return value != null && value < 0;
    }

    private static long limit(Map<String, String> custom, String field, long fallback) {
        String value = custom.get(field);
        return value == null ? fallback : Long.parseLong(value);
    }

    private static long number(Map<String, String> hash, String field) {
        String value = hash.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String name(PlayerSnapshot snapshot) {
        return Optional.ofNullable(snapshot).map(s -> s.state().name()).orElse(null);
    }
}
