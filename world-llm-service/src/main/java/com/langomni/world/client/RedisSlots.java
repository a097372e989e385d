package com.langomni.world.client;

import com.langomni.world.service.Slots;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The backend's stream slots shared by every world-llm replica: one lease per open stream in a Redis sorted set
 * scored by its expiry. One Lua script drops expired leases, counts the rest and adds one if fewer than the limit
 * (expiry by Redis' own clock, so replicas' clocks cannot disagree); a release is a ZREM. A lease outlives its stream
 * (total timeout plus a margin), so a replica that dies with streams open gives its slots back when they expire.
 * <p>
 * Redis unreachable (an error, or no answer within {@code timeout}): {@link Grant#UNAVAILABLE}, so the replica's own
 * limit decides; the first failure is logged at WARN and Redis is left alone for {@code retryAfter}, so an outage
 * costs one timeout every {@code retryAfter}, not one per request.
 */
public final class RedisSlots implements Slots {
    private static final Logger LOG = Logger.getLogger(RedisSlots.class);

    /** KEYS[1] the leases; ARGV limit, lease ms, holder. 1 = taken, 0 = full. */
    static final String TAKE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
            return 1
            """;
    private static final String TAKE_SHA = sha1(TAKE);

    private final Redis redis;
    private final String key;
    private final int limit;
    private final long leaseMillis;
    private final Duration timeout;
    private final long retryAfterMillis;
    private final LongSupplier clock;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong downUntil = new AtomicLong();

    /**
     * @param limit  streams on the backend at once, all replicas together
     * @param lease  how long a lease lasts unless released (the stream's total timeout plus a margin)
     * @param clock  milliseconds, for {@code retryAfter} only
     */
    public RedisSlots(Redis redis, String key, int limit, Duration lease, Duration timeout, Duration retryAfter,
                      LongSupplier clock) {
        this.redis = redis;
        this.key = key;
        this.limit = limit;
        this.leaseMillis = Math.max(lease.toMillis(), 1);
        this.timeout = timeout;
        this.retryAfterMillis = retryAfter.toMillis();
        this.clock = clock;
    }

    @Override
    public CompletionStage<Grant> take(String holder) {
        if (skipping()) {
            return CompletableFuture.completedFuture(Grant.UNAVAILABLE);
        }
        return script(holder)
                .ifNoItem().after(timeout).failWith(() -> new IllegalStateException(
                        "no answer within " + timeout.toMillis() + " ms"))
                .map(answer -> answer != null && answer.toInteger() == 1 ? Grant.TAKEN : Grant.FULL)
                .invoke(this::reachable)
                .onFailure().recoverWithItem(this::unreachable)
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> give(String holder) {
        if (skipping()) { // the lease expires by itself
            return CompletableFuture.completedFuture(null);
        }
        return redis.send(Request.cmd(Command.ZREM).arg(key).arg(holder))
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithNull()
                .replaceWithVoid()
                .subscribeAsCompletionStage();
    }

    @Override
    public String mode() {
        return down.get() ? "local" : "redis";
    }

    private Uni<Response> script(String holder) {
        return redis.send(args(Request.cmd(Command.EVALSHA).arg(TAKE_SHA), holder))
                .onFailure(failure -> failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT"))
                .recoverWithUni(() -> redis.send(args(Request.cmd(Command.EVAL).arg(TAKE), holder)));
    }

    private Request args(Request request, String holder) {
        return request.arg(1).arg(key).arg(limit).arg(leaseMillis).arg(holder);
    }

    private boolean skipping() {
        return down.get() && clock.getAsLong() < downUntil.get();
    }

    private void reachable(Grant grant) {
        if (down.compareAndSet(true, false)) {
            LOG.infof("Redis is reachable again: the world model's stream limit holds for the whole backend (%s)",
                    key);
        }
    }

    private Grant unreachable(Throwable failure) {
        downUntil.set(clock.getAsLong() + retryAfterMillis);
        if (down.compareAndSet(false, true)) {
            LOG.warnf("Redis unreachable (%s): each world-llm replica admits up to its own max-concurrent until it is"
                    + " back", failure.toString());
        }
        return Grant.UNAVAILABLE;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
