package com.langomni.orchestrator.common;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import com.langomni.orchestrator.game.state.PlayerLock;

/**
 * A cluster-wide lease without waiting: SET NX PX with a random token, released only by its holder (or lapsing
 * after its length if the holder died). For work one replica at a time should do; see {@link PlayerLock} for the
 * per-player lock that waits.
 */
@ApplicationScoped
public class RedisLease {

    private static final LuaScript RELEASE = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    private final ReactiveRedisDataSource redis;

    RedisLease(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** The holder's token when the lease was free and is now ours for {@code length}; empty when someone holds it. */
    public Uni<Optional<String>> tryAcquire(String key, Duration length) {
        String token = UUID.randomUUID().toString();
        return redis.execute("SET", key, token, "NX", "PX", Long.toString(length.toMillis()))
                .map(reply -> reply == null ? Optional.<String>empty() : Optional.of(token));
    }

    /** Gives the lease back if {@code token} still holds it. */
    public Uni<Void> release(String key, String token) {
        return RELEASE.run(redis, List.of(key), token).replaceWithVoid();
    }
}
