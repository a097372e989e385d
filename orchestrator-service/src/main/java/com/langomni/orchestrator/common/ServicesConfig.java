package com.langomni.orchestrator.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Base URLs of the other services, one environment variable each (WORLD_LLM_SERVICE_URL, NPC_LLM_SERVICE_URL,
 * MEMORY_SERVICE_URL, GATEWAY_URL, see application.properties). The REST clients take their URLs from here.
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
}
