package com.langomni.orchestrator.auth.throttle;

import com.langomni.orchestrator.auth.AuthConfig;
import com.langomni.orchestrator.common.LuaScript;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.common.WindowCounter;
import com.langomni.support.error.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The door's throttles, cluster-wide in Redis: a request budget per client address for logins and for
 * registrations, and per account name a lockout that grows with every attempt past the free ones. Each is checked
 * before any password is hashed, so a refused attempt costs one Redis round trip, never bcrypt.
 * <p>
 * Redis down or slower than {@code redis-timeout}: the counts cannot be kept, and neither letting every attempt
 * through nor refusing everyone is acceptable; this replica then admits at most {@code fallback-per-second} logins
 * and registrations in all ({@link LocalBucket}), logs it (once a minute) and counts every refusal.
 */
@ApplicationScoped
public class LoginThrottle {

    static final String IP_LOGIN = "ip_login";
    static final String IP_REGISTER = "ip_register";
    static final String ACCOUNT = "account";
    static final String FALLBACK = "fallback";

    /**
     * One login attempt on a name: 0 when it may go on (and is counted), else the milliseconds its lockout has left.
     * The attempts past the free ones lock the name as they are made, not when their password turns out wrong, so a
     * burst of parallel guesses gets one past the free ones, not all of them; the login that succeeds deletes the key.
     */
    private static final LuaScript ATTEMPT = new LuaScript("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local free = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local base = tonumber(ARGV[3])
            local max = tonumber(ARGV[4])
            local locked = tonumber(redis.call('HGET', KEYS[1], 'until')) or 0
            if locked > now then
              return locked - now
            end
            local n = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
            local keep = window
            if n > free then
              local lock = math.floor(math.min(max, base * 2 ^ math.min(n - free - 1, 30)))
              redis.call('HSET', KEYS[1], 'until', tostring(now + lock))
              keep = math.max(window, lock)
            end
            redis.call('PEXPIRE', KEYS[1], keep)
            return 0
            """);

    private final ReactiveRedisDataSource redis;
    private final WindowCounter windows;
    private final AuthConfig.Throttle config;
    private final LocalBucket fallback;
    private final Map<String, Counter> refused;
    private final AtomicLong lastWarning = new AtomicLong();

    LoginThrottle(ReactiveRedisDataSource redis, WindowCounter windows, AuthConfig config, MeterRegistry registry) {
        this.redis = redis;
        this.windows = windows;
        this.config = config.throttle();
        this.fallback = new LocalBucket(this.config.fallbackPerSecond(), this.config.fallbackBurst());
        this.refused = Map.of(IP_LOGIN, refusals(registry, IP_LOGIN), IP_REGISTER, refusals(registry, IP_REGISTER),
                ACCOUNT, refusals(registry, ACCOUNT), FALLBACK, refusals(registry, FALLBACK));
    }

    /** 429 when {@code ip} has used its registration budget. */
    public Uni<Void> admitRegistration(String ip) {
        return guarded(budget(IP_REGISTER, RedisKeys.registrationsFromIp(ip), config.registerPerIp(),
                config.registerPerIpWindow(), "too many registrations from your address"));
    }

    /** 429 when {@code ip} has used its login budget, or the account {@code name} is locked out. */
    public Uni<Void> admitLogin(String ip, String name) {
        return guarded(budget(IP_LOGIN, RedisKeys.loginsFromIp(ip), config.loginPerIp(), config.loginPerIpWindow(),
                "too many logins from your address")
                .chain(() -> attempt(name)));
    }

    /** A login succeeded: the name's attempts are forgotten. A failure here only leaves a lockout to run out. */
    public Uni<Void> succeeded(String name) {
        return redis.execute("DEL", RedisKeys.loginAttempts(key(name)))
                .ifNoItem().after(config.redisTimeout()).fail()
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Could not clear the login attempts of a name: %s", failure.toString());
                    return null;
                });
    }

    private Uni<Void> budget(String kind, String key, int limit, Duration window, String message) {
        return windows.hit(key, window).map(count -> {
            if (!count.within(limit)) {
                throw refuse(kind, message + "; try again later", Duration.ofMillis(count.resetsInMillis()));
            }
            return null;
        });
    }

    private Uni<Void> attempt(String name) {
        AuthConfig.Account account = config.account();
        return ATTEMPT.run(redis, List.of(RedisKeys.loginAttempts(key(name))),
                        Integer.toString(account.freeAttempts()), Long.toString(account.window().toMillis()),
                        Long.toString(account.lockout().toMillis()), Long.toString(account.maxLockout().toMillis()))
                .map(reply -> {
                    long lockedMillis = reply.toLong();
                    if (lockedMillis > 0) {
                        throw refuse(ACCOUNT, "too many login attempts for this name; try again later",
                                Duration.ofMillis(lockedMillis));
                    }
                    return null;
                });
    }

    /** The Redis checks, or the local fallback when Redis does not answer in time. */
    private Uni<Void> guarded(Uni<Void> checks) {
        return checks.ifNoItem().after(config.redisTimeout()).fail()
                .onFailure(failure -> !(failure instanceof ApiException)).recoverWithUni(failure -> {
                    warn(failure);
                    if (fallback.take()) {
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.createFrom().failure(refuse(FALLBACK, "too many logins at the moment; try again shortly",
                            Duration.ofSeconds(1)));
                });
    }

    private ApiException refuse(String kind, String message, Duration retryAfter) {
        refused.get(kind).increment();
        return ApiException.rateLimited(message, retryAfter);
    }

    private void warn(Throwable failure) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last >= 60_000 && lastWarning.compareAndSet(last, now)) {
            Log.warnf("Login throttles cannot reach Redis (%s): this replica admits at most %s logins and "
                    + "registrations a second until it can", failure.toString(), config.fallbackPerSecond());
        }
    }

    /** Names are unique whatever their case: so are their attempts. */
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Counter refusals(MeterRegistry registry, String reason) {
        return Counter.builder("langomni.auth.throttled")
                .description("Logins and registrations refused with 429 by a throttle, by the throttle")
                .tag("reason", reason).register(registry);
    }
}
