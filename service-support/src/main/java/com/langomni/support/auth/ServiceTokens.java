package com.langomni.support.auth;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This service's side of {@link ServiceToken}: the token its calls carry (signed again once it is
 * {@link ServiceAuthConfig#reuse()} old) and the check of the tokens it gets. Created at startup, so a missing or
 * short secret stops the service at once instead of at its first call.
 */
@Startup
@Singleton
public class ServiceTokens {

    private record Minted(String token, Instant at) {
    }

    private final boolean enabled;
    private final String service;
    private final String secret;
    private final List<String> accepted;
    private final Duration window;
    private final Duration reuse;
    private final Clock clock;
    private final AtomicReference<Minted> current = new AtomicReference<>();

    @Inject
    public ServiceTokens(ServiceAuthConfig config) {
        this(config, Clock.systemUTC());
    }

    ServiceTokens(ServiceAuthConfig config, Clock clock) {
        this.enabled = config.enabled();
        this.service = config.serviceName();
        this.window = config.window();
        this.reuse = config.reuse();
        this.clock = clock;
        if (!enabled) {
            this.secret = null;
            this.accepted = List.of();
            return;
        }
        this.secret = checked("langomni.service-auth.secret (env LANGOMNI_SERVICE_AUTH_SECRET)",
                config.secret().orElse(""));
        List<String> all = new ArrayList<>(List.of(secret));
        for (String previous : config.previousSecrets().orElse(List.of())) {
            all.add(checked("langomni.service-auth.previous-secrets", previous));
        }
        this.accepted = List.copyOf(all);
        if (reuse.compareTo(window) >= 0) {
            throw new IllegalStateException("langomni.service-auth.reuse must be shorter than the window");
        }
        ServiceToken.sign(secret, service, clock.instant()); // a bad service name fails here, not on a call
    }

    public boolean enabled() {
        return enabled;
    }

    /** The value of {@link ServiceToken#HEADER} for a call made now. */
    public String token() {
        if (!enabled) {
            throw new IllegalStateException("service auth is off in this process (langomni.service-auth.enabled)");
        }
        Instant now = clock.instant();
        Minted minted = current.get();
        if (minted == null || Duration.between(minted.at(), now).compareTo(reuse) >= 0 || now.isBefore(minted.at())) {
            minted = new Minted(ServiceToken.sign(secret, service, now), now);
            current.set(minted); // two threads signing at once both get valid tokens; the last one is kept
        }
        return minted.token();
    }

    public ServiceToken.Verdict verify(String token) {
        return ServiceToken.verify(token, accepted, clock.instant(), window);
    }

    private static String checked(String name, String value) {
        if (value.strip().length() < ServiceToken.MIN_SECRET_CHARS) {
            throw new IllegalStateException(name + " must be set to at least " + ServiceToken.MIN_SECRET_CHARS
                    + " characters (a long random string, the same in every service)");
        }
        return value;
    }
}
