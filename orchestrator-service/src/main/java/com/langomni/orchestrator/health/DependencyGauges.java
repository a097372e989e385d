package com.langomni.orchestrator.health;

import com.langomni.orchestrator.common.MetricsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@code langomni_dependency_up{dependency="postgresql|redis"}}: 1 when the last probe ({@code select 1}, {@code PING})
 * answered in time, else 0. Neither store exports Prometheus metrics itself, so this is what the "PostgreSQL down" and
 * "Redis down" alerts read. Probes run on a Vert.x timer, never during a scrape; a round still running when the next
 * is due is skipped.
 */
@ApplicationScoped
public class DependencyGauges {

    static final String POSTGRESQL = "postgresql";
    static final String REDIS = "redis";

    private final Vertx vertx;
    private final MeterRegistry registry;
    private final MetricsConfig config;
    private final Map<String, Supplier<Uni<?>>> probes;
    private final Map<String, AtomicInteger> up;
    private final List<Meter> gauges;
    private final AtomicBoolean probing = new AtomicBoolean();
    private long timer = -1;

    DependencyGauges(Pool postgres, ReactiveRedisDataSource redis, Vertx vertx, MetricsConfig config,
                     MeterRegistry registry) {
        this.vertx = vertx;
        this.registry = registry;
        this.config = config;
        this.probes = Map.of(
                POSTGRESQL, () -> postgres.query("select 1").execute(),
                REDIS, () -> redis.execute("PING"));
        this.up = Map.of(POSTGRESQL, new AtomicInteger(), REDIS, new AtomicInteger());
        this.gauges = up.entrySet().stream()
                .<Meter>map(e -> Gauge.builder("langomni.dependency.up", e.getValue(), AtomicInteger::get)
                        .description("1 when the dependency answered its last probe in time, else 0")
                        .tag("dependency", e.getKey()).strongReference(true).register(registry))
                .toList();
    }

    void start(@Observes StartupEvent event) {
        probe().subscribe().with(done -> { }, failure -> { });
        timer = vertx.setPeriodic(Math.max(1, config.dependencyProbeInterval().toMillis()),
                id -> probe().subscribe().with(done -> { }, failure -> { }));
    }

    /**
     * Outside dev mode Quarkus leaves meters in Micrometer's global registry when the app stops; an app started
     * again in the same JVM (tests) would get these gauges back, reading this instance's values forever.
     */
    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
        gauges.forEach(registry::remove);
    }

    /** One round over every dependency; never fails. */
    public Uni<Void> probe() {
        if (!probing.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(probes.entrySet().stream()
                        .map(probe -> check(probe.getKey(), probe.getValue()))
                        .toList())
                .andCollectFailures().replaceWithVoid()
                .eventually(() -> probing.set(false));
    }

    /** The last probe's answer: 1 up, 0 down. */
    public int up(String dependency) {
        return up.get(dependency).get();
    }

    private Uni<Void> check(String dependency, Supplier<Uni<?>> probe) {
        Duration timeout = config.dependencyProbeTimeout();
        return Uni.createFrom().deferred(probe)
                .ifNoItem().after(timeout).fail()
                .map(answer -> 1)
                .onFailure().recoverWithItem(failure -> {
                    if (up.get(dependency).get() == 1) {
                        Log.warnf("%s stopped answering its probe: %s", dependency, failure.toString());
                    }
                    return 0;
                })
                .invoke(value -> up.get(dependency).set(value))
                .replaceWithVoid();
    }
}
