package com.langomni.orchestrator.game;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import com.langomni.support.error.ApiException;

/**
 * This replica's admission limits (actions, socket sessions, password checks) and their meters:
 * {@code langomni_admission_in_flight{kind}} and {@code langomni_admission_refused_total{kind}}.
 */
@Startup
@ApplicationScoped
public class Admission {

    public static final String ACTIONS = "actions";
    public static final String SESSIONS = "sessions";
    public static final String PASSWORDS = "passwords";

    private final Gate actions;
    private final Gate sessions;
    private final Gate passwords;
    private final MeterRegistry registry;
    private final List<Meter> gauges = new ArrayList<>();

    Admission(GameConfig config, MeterRegistry registry) {
        GameConfig.Admission limits = config.admission();
        this.registry = registry;
        this.actions = new Gate(ACTIONS, limits.maxActions(), registry, gauges);
        this.sessions = new Gate(SESSIONS, limits.maxSessions(), registry, gauges);
        this.passwords = new Gate(PASSWORDS, limits.maxPasswordChecks(), registry, gauges);
    }

    /** A second app in the same JVM (tests) must not read this instance's gauges (see DependencyGauges). */
    void stop(@Observes ShutdownEvent event) {
        gauges.forEach(registry::remove);
    }

    /** {@code work} gets a {@link Runnable} that gives the slot back early (see {@link InFlightLimit#run(Function)}). */
    public <T> Uni<T> action(Function<Runnable, Uni<? extends T>> work) {
        return actions.run(work);
    }

    public <T> Uni<T> session(Supplier<Uni<? extends T>> work) {
        return sessions.run(work);
    }

    public <T> Uni<T> passwordCheck(Supplier<Uni<? extends T>> work) {
        return passwords.run(work);
    }

    /** One limit with its meters. */
    private static final class Gate {
        private final InFlightLimit limit;
        private final Counter refused;

        Gate(String kind, int max, MeterRegistry registry, List<Meter> gauges) {
            this.limit = new InFlightLimit(kind, max);
            gauges.add(Gauge.builder("langomni.admission.in.flight", limit, InFlightLimit::inFlight)
                    .description("Requests of one kind this replica works on now (refused with overloaded past "
                            + "its limit)")
                    .tag("kind", kind).strongReference(true).register(registry));
            this.refused = Counter.builder("langomni.admission.refused")
                    .description("Requests refused with overloaded because this replica was at its limit")
                    .tag("kind", kind).register(registry);
        }

        <T> Uni<T> run(Supplier<Uni<? extends T>> work) {
            return limit.<T>run(work).onFailure(ApiException::isOverloaded).invoke(failure -> refused.increment());
        }

        <T> Uni<T> run(Function<Runnable, Uni<? extends T>> work) {
            return limit.<T>run(work).onFailure(ApiException::isOverloaded).invoke(failure -> refused.increment());
        }
    }
}
