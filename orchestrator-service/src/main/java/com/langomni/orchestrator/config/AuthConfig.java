package com.langomni.orchestrator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Token signing. The secret has no default in prod: the service refuses to start without LANGOMNI_AUTH_SECRET. */
@ConfigMapping(prefix = "langomni.auth")
public interface AuthConfig {

    /** HMAC-SHA256 key for bearer tokens (env LANGOMNI_AUTH_SECRET). */
    String secret();

    /** How long a token stays valid. */
    @WithDefault("24h")
    Duration tokenTtl();

    /** bcrypt cost factor (log2 of the rounds); every step doubles the hashing time. */
    @WithDefault("10")
    int bcryptCost();

    Admin admin();

    /**
     * The first admin account, created or updated at start. Without a password (env LANGOMNI_ADMIN_PASSWORD) no
     * admin account is created.
     */
    interface Admin {
        @WithDefault("admin")
        String name();

        Optional<String> password();
    }
}
