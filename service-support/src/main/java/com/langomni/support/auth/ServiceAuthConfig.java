package com.langomni.support.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Service-to-service authentication ({@link ServiceToken}; docs/SECURITY.md). Every service signs its calls to the
 * others and checks the calls it gets; only what {@link Inbound#openPaths()} lists is open without a token.
 */
@ConfigMapping(prefix = "langomni.service-auth")
public interface ServiceAuthConfig {

    /**
     * Whether this process takes part at all. Only a stand-in for a server we do not own (the llm-simulator plays
     * vLLM) turns it off; every LangOmni service needs a secret and refuses to start without one.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The shared HMAC key (env LANGOMNI_SERVICE_AUTH_SECRET), at least {@value ServiceToken#MIN_SECRET_CHARS}
     * characters; the same in every service. The dev and test profiles have a fixed one
     * (META-INF/microprofile-config.properties of this module), prod has none.
     */
    Optional<String> secret();

    /**
     * Secrets still accepted while a rotation rolls out (env LANGOMNI_SERVICE_AUTH_PREVIOUS_SECRETS, comma
     * separated); calls are always signed with {@link #secret()}.
     */
    Optional<List<String>> previousSecrets();

    /** The name this service signs its calls with (lower-case letters, digits, dashes). */
    @WithDefault("${quarkus.application.name}")
    String serviceName();

    /** How far a token's time may be from this host's clock, either side (clock skew, plus reuse below). */
    @WithDefault("5m")
    Duration window();

    /** How long a caller sends the same token before it signs a new one (a signature per call is wasted work). */
    @WithDefault("1m")
    Duration reuse();

    Inbound inbound();

    interface Inbound {
        /**
         * Whether calls to this service need a token. Off only where every route is public by design: the
         * gateway, the players' own way in.
         */
        @WithDefault("true")
        boolean required();

        /**
         * Paths open without a token, each one a path or a path prefix ending in {@code /*}. Default: the
         * probes kubelet and Prometheus make (health; metrics are closed to other pods by a NetworkPolicy).
         */
        @WithDefault("/q/health/*,/q/metrics")
        List<String> openPaths();
    }
}
