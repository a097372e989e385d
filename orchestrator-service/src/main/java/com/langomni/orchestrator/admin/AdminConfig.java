package com.langomni.orchestrator.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The admin API. */
@ConfigMapping(prefix = "langomni.admin")
public interface AdminConfig {

    /** How long {@code /api/admin/metrics/gpu} waits for each LLM service's {@code /api/backends}. */
    @WithDefault("1s")
    Duration backendsTimeout();

    /** How long an admin read of memory-service (NPC memories, counts) waits before it counts as unavailable. */
    @WithDefault("2s")
    Duration memoryTimeout();

    /** The live admin stream ({@code /api/admin/stream}). */
    Stream stream();

    interface Stream {

        /** How often a {@code stats} event goes out. */
        @WithDefault("1s")
        Duration statsInterval();

        /** How often a {@code topology} event goes out (each one probes every service). */
        @WithDefault("2s")
        Duration topologyInterval();
    }
}
