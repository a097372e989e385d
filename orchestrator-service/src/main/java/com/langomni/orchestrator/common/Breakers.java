package com.langomni.orchestrator.common;

import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;

/**
 * Circuit breakers for the clients' wrappers, built with SmallRye Fault Tolerance's programmatic API so their
 * settings come from {@link ServicesConfig.Breaker} (typed config) rather than annotation literals. Each is
 * named, so {@code CircuitBreakerMaintenance} sees it (tests reset them all); build each once, in its client.
 */
public final class Breakers {

    private Breakers() {
    }

    /** @param type the guarded calls' return type, e.g. {@code new TypeLiteral<Uni<Reply>>() {}} */
    public static <T> TypedGuard<T> breaker(String name, TypeLiteral<T> type, ServicesConfig.Breaker config) {
        return TypedGuard.create(type)
                .withDescription(name)
                .withCircuitBreaker()
                .name(name)
                .requestVolumeThreshold(config.requestVolumeThreshold())
                .failureRatio(config.failureRatio())
                .delay(config.delay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .build();
    }
}
