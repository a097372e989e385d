package com.langomni.orchestrator.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Token signing and sessions. The secret has no default in prod: the service refuses to start without
 * LANGOMNI_AUTH_SECRET.
 */
@ConfigMapping(prefix = "langomni.auth")
public interface AuthConfig {

    /** HMAC-SHA256 key for bearer tokens (env LANGOMNI_AUTH_SECRET). */
    String secret();

    /** How long a token (and its session) stays valid. */
    @WithDefault("24h")
    Duration tokenTtl();

    /**
     * How long Redis remembers that a session lives or ended, so that a request costs one Redis read and PostgreSQL
     * is asked once per session per this interval. Ending a session overwrites the entry at once; only when Redis
     * cannot be written at that moment does a live entry linger, for at most this long.
     */
    @WithDefault("60s")
    Duration sessionCacheTtl();

    /** bcrypt cost factor (log2 of the rounds); every step doubles the hashing time. */
    @WithDefault("10")
    int bcryptCost();

    /** Threads of the dedicated bcrypt pool ({@link PasswordHasher}); what waits for them is bounded too. */
    @WithDefault("2")
    int hashingThreads();

    Admin admin();

    Throttle throttle();

    /**
     * Login and registration throttles, cluster-wide in Redis
     * ({@link com.langomni.orchestrator.auth.throttle.LoginThrottle}; docs/SECURITY.md, "Throttles").
     * Every budget is a fixed window counted from its first request.
     */
    interface Throttle {
        /** Logins one client address may try per {@link #loginPerIpWindow()}; more get 429 with Retry-After. */
        @WithDefault("30")
        int loginPerIp();

        @WithDefault("1m")
        Duration loginPerIpWindow();

        /** Registrations one client address may try per {@link #registerPerIpWindow()}. */
        @WithDefault("10")
        int registerPerIp();

        @WithDefault("10m")
        Duration registerPerIpWindow();

        Account account();

        /**
         * Redis slower than {@link #redisTimeout()} or down: each replica admits at most this many logins and
         * registrations a second in all (burst {@link #fallbackBurst()}), the rest get 429, until Redis answers.
         */
        @WithDefault("5")
        double fallbackPerSecond();

        @WithDefault("10")
        int fallbackBurst();

        @WithDefault("500ms")
        Duration redisTimeout();
    }

    /**
     * Per account name (known or not, so a lockout says nothing about which names exist): the first
     * {@link #freeAttempts()} login attempts within {@link #window()} of the last one are free; every attempt after
     * them locks the name for {@link #lockout()}, doubled with each further attempt up to {@link #maxLockout()}.
     * A successful login forgets the count.
     */
    interface Account {
        @WithDefault("5")
        int freeAttempts();

        @WithDefault("15m")
        Duration window();

        @WithDefault("30s")
        Duration lockout();

        @WithDefault("15m")
        Duration maxLockout();
    }

    /**
     * The first admin account, created at start when missing. Without a password (env LANGOMNI_ADMIN_PASSWORD) no
     * admin account is created. An existing account's password changes only through {@code POST /api/auth/password},
     * or at a start with {@code reset-password} (the recovery of a lost admin password).
     */
    interface Admin {
        @WithDefault("admin")
        String name();

        Optional<String> password();

        /** Env LANGOMNI_ADMIN_RESET_PASSWORD=true: set the configured password (and the admin role) at this start. */
        @WithDefault("false")
        boolean resetPassword();
    }
}
