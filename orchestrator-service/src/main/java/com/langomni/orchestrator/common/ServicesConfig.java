package com.langomni.orchestrator.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Base URLs of the other services, one environment variable each (WORLD_LLM_SERVICE_URL, NPC_LLM_SERVICE_URL,
 * MEMORY_SERVICE_URL, GATEWAY_URL, see application.properties). The REST clients take their URLs from here, and
 * their wrappers ({@code WorldLlmClient}, {@code NpcLlmClient}, {@code MemoryClient}) their circuit breakers.
 */
@ConfigMapping(prefix = "langomni.services")
public interface ServicesConfig {

    String worldLlmUrl();

    String npcLlmUrl();

    String memoryUrl();

    String gatewayUrl();

    /** Timeout of one readiness probe in {@code /api/health/detailed}. */
    @WithDefault("1s")
    Duration probeTimeout();

    /** The circuit breaker of each client on the action path (narration, NPC replies, memory recall). */
    Breaker breaker();

    /**
     * A breaker opens when {@code failure-ratio} of the last {@code request-volume-threshold} calls failed, and
     * lets one call through again after {@code delay}: a dead service then costs nothing, a service back is used.
     */
    interface Breaker {
        @WithDefault("8")
        int requestVolumeThreshold();

        @WithDefault("0.75")
        double failureRatio();

        @WithDefault("5s")
        Duration delay();
    }
}
