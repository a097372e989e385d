package com.langomni.orchestrator.game.state;

import com.langomni.orchestrator.game.GameConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.common.RedisLease;
import com.langomni.orchestrator.game.RateLimiter;

/**
 * One action in flight per player, across replicas: a Redis lease (SET NX PX) holding a random token, released
 * only by its holder. A second action polls with backoff until the first is done or its wait times out (busy).
 * Nothing is held while polling: no pooled connection waits on the lock.
 */
@ApplicationScoped
public class PlayerLock {

    private final ReactiveRedisDataSource redis;
    private final Vertx vertx;
    private final RateLimiter rateLimiter;
    private final RedisLease leases;
    private final GameConfig.Lock config;

    PlayerLock(ReactiveRedisDataSource redis, Vertx vertx, RateLimiter rateLimiter, RedisLease leases,
               GameConfig config) {
        this.redis = redis;
        this.leases = leases;
        this.vertx = vertx;
        this.rateLimiter = rateLimiter;
        this.config = config.lock();
    }

    /** Runs {@code work} holding the player's lock; fails with 503 busy when the lock cannot be had in time. */
    public <T> Uni<T> withLock(String playerId, Supplier<Uni<? extends T>> work) {
        String key = RedisKeys.lock(playerId);
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + config.waitTimeout().toNanos();
        return acquire(key, token, deadline, config.minBackoff().toMillis())
                .chain(() -> this.<T>holding(key, token, work));
    }

    /**
     * An action's turn: takes a rate-limit token and the lock in one script (one round trip when the player has
     * nothing else in flight), then waits for the lock like {@link #withLock} if another action holds it.
     * {@code admitted} hears the script's round trip (nanoseconds) whatever it answered; {@code work} gets how
     * long the action then waited for the lock. Fails with 429 rate_limited (nothing taken) or 503 busy.
     */
    public <T> Uni<T> withTurn(String playerId, LongConsumer admitted, LongFunction<Uni<? extends T>> work) {
        String key = RedisKeys.lock(playerId);
        String token = UUID.randomUUID().toString();
        long started = System.nanoTime();
        long deadline = started + config.waitTimeout().toNanos();
        return rateLimiter.takeAndTryLock(playerId, key, token, config.lease().toMillis()).chain(admit -> {
            long answered = System.nanoTime();
            admitted.accept(answered - started);
            return switch (admit) {
                case RATE_LIMITED -> Uni.createFrom().failure(ApiException.rateLimited("too many actions; slow down"));
                case LOCKED -> holding(key, token, () -> work.apply(0));
                case BUSY -> sleep(config.minBackoff().toMillis())
                        .chain(() -> acquire(key, token, deadline, config.minBackoff().toMillis() * 2))
                        .chain(() -> holding(key, token, () -> work.apply(System.nanoTime() - answered)));
            };
        });
    }

    /**
     * An action that changes two players (a trade accepted): the player's turn as {@link #withTurn} and the other
     * player's lock, the two taken in one global order (by player id) so that two such actions crossing each other
     * never hold one lock each while waiting for the other. Each wait is bounded ({@code lock.wait-timeout}): the
     * other player busy for longer fails with 503 busy and nothing applied. {@code partnerId} null or the player's
     * own: just the turn.
     */
    public <T> Uni<T> withTurns(String playerId, String partnerId, LongConsumer admitted,
                                LongFunction<Uni<? extends T>> work) {
        if (partnerId == null || partnerId.equals(playerId)) {
            return withTurn(playerId, admitted, work);
        }
        if (partnerId.compareTo(playerId) < 0) {
            return withPartner(partnerId, () -> withTurn(playerId, admitted, work));
        }
        return withTurn(playerId, admitted, waited -> withPartner(partnerId, () -> work.apply(waited)));
    }

    private <T> Uni<T> withPartner(String partnerId, Supplier<Uni<? extends T>> work) {
        String key = RedisKeys.lock(partnerId);
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + config.waitTimeout().toNanos();
        return acquire(key, token, deadline, config.minBackoff().toMillis(), "the other player is busy; try again")
                .chain(() -> this.<T>holding(key, token, work));
    }

    private <T> Uni<T> holding(String key, String token, Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().<T>deferred(work).onTermination().call(() -> release(key, token));
    }

    private Uni<Void> acquire(String key, String token, long deadline, long backoffMillis) {
        return acquire(key, token, deadline, backoffMillis, "another action of yours is still running");
    }

    private Uni<Void> acquire(String key, String token, long deadline, long backoffMillis, String busy) {
        return redis.execute("SET", key, token, "NX", "PX", Long.toString(config.lease().toMillis()))
                .chain(response -> {
                    if (response != null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (System.nanoTime() >= deadline) {
                        return Uni.createFrom().failure(ApiException.busy(busy));
                    }
                    long next = Math.min(backoffMillis * 2, config.maxBackoff().toMillis());
                    return sleep(backoffMillis).chain(() -> acquire(key, token, deadline, next, busy));
                });
    }

    /** Waits on a Vert.x timer so the retry stays on the caller's context (Hibernate Reactive needs that). */
    private Uni<Void> sleep(long millis) {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(Math.max(1, millis), id -> emitter.complete(null)));
    }

    private Uni<Void> release(String key, String token) {
        return leases.release(key, token)
                .onFailure().invoke(failure ->
                        Log.warnf("Releasing %s failed (it expires with its lease): %s", key, failure.getMessage()))
                .onFailure().recoverWithNull();
    }
}
