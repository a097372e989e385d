package com.langomni.npc.health;

import com.langomni.npc.client.MemoryClient;
import com.langomni.npc.config.NpcConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether memory-service is reachable. The service stays ready either way: without memory-service the
 * dialog ranks lexically, which degrades relevance, not availability, so taking NPCs out of rotation would be
 * the worse failure.
 */
@Readiness
public class MemoryServiceReadiness implements AsyncHealthCheck {
    private final MemoryClient memory;
    private final Duration budget;

    public MemoryServiceReadiness(MemoryClient memory, NpcConfig config) {
        this.memory = memory;
        this.budget = Duration.ofMillis(config.ranking().timeoutMs());
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return memory.ready(budget).map(up -> HealthCheckResponse.named("memory-service").up()
                .withData("reachable", up)
                .withData("ranking", up ? "semantic" : "lexical (fallback)")
                .build());
    }
}
