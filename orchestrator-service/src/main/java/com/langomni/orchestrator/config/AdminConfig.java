package com.langomni.orchestrator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The admin API. */
@ConfigMapping(prefix = "langomni.admin")
public interface AdminConfig {

    /** How long {@code /api/admin/metrics/gpu} waits for each LLM service's {@code /api/backends}. */
    @WithDefault("1s")
    Duration backendsTimeout();
}
