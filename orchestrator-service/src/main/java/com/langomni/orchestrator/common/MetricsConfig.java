package com.langomni.orchestrator.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What the orchestrator measures besides the action pipeline. */
@ConfigMapping(prefix = "langomni.metrics")
public interface MetricsConfig {

    /** How often PostgreSQL and Redis are probed for {@code langomni_dependency_up}. */
    @WithDefault("10s")
    Duration dependencyProbeInterval();

    /** How long one probe may take before the dependency counts as down. */
    @WithDefault("2s")
    Duration dependencyProbeTimeout();
}
