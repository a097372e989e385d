package com.langomni.orchestrator.health;

import com.langomni.orchestrator.common.ServicesConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Probes the stores and every service in parallel for {@code /api/health/detailed}. */
@ApplicationScoped
public class DetailedHealth {

    private static final List<String> ORDER = List.of("orchestrator", "postgresql", "redis", "world-llm", "npc-llm",
            "memory", "gateway");

    private final Pool postgres;
    private final ReactiveRedisDataSource redis;
    private final ServiceProbe probe;
    private final ServicesConfig services;
    private final Duration timeout;

    DetailedHealth(Pool postgres, ReactiveRedisDataSource redis, ServiceProbe probe, ServicesConfig services) {
        this.postgres = postgres;
        this.redis = redis;
        this.probe = probe;
        this.services = services;
        this.timeout = services.probeTimeout();
    }

    public Uni<HealthReport> check() {
        List<Uni<ComponentHealth>> probes = List.of(
                Uni.createFrom().item(new ComponentHealth(ComponentHealth.UP, 0, "serving")),
                timed(postgres.query("select 1").execute().map(rows -> "select 1 ok")),
                timed(redis.execute("PING").map(reply -> "PING " + reply)),
                probe.ready(services.worldLlmUrl()),
                probe.ready(services.npcLlmUrl()),
                probe.ready(services.memoryUrl()),
                probe.ready(services.gatewayUrl()));
        return Uni.join().all(probes).andCollectFailures().map(results -> {
            Map<String, ComponentHealth> components = new LinkedHashMap<>();
            for (int i = 0; i < ORDER.size(); i++) {
                components.put(ORDER.get(i), results.get(i));
            }
            return new HealthReport(overall(components), components);
        });
    }

    private static String overall(Map<String, ComponentHealth> components) {
        if (!components.get("postgresql").up() || !components.get("redis").up()) {
            return ComponentHealth.DOWN;
        }
        return components.values().stream().allMatch(ComponentHealth::up) ? ComponentHealth.UP : HealthReport.DEGRADED;
    }

    private Uni<ComponentHealth> timed(Uni<String> check) {
        long started = System.nanoTime();
        return check.ifNoItem().after(timeout).fail()
                .map(detail -> new ComponentHealth(ComponentHealth.UP, ServiceProbe.elapsedMs(started), detail))
                .onFailure().recoverWithItem(failure -> new ComponentHealth(ComponentHealth.DOWN,
                        ServiceProbe.elapsedMs(started), ServiceProbe.describe(failure)));
    }
}
