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

    Admin admin();

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
