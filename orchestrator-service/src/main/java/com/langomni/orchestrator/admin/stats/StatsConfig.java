package com.langomni.orchestrator.admin.stats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Cluster-wide statistics of the action pipeline for the admin panel, kept in Redis: counts per second (the live
 * minute) and per 10 s step (the history), and LLM backend samples.
 */
@ConfigMapping(prefix = "langomni.stats")
public interface StatsConfig {

    /** How often each replica adds what it counted to the shared buckets (counting itself never waits on Redis). */
    @WithDefault("1s")
    Duration flushInterval();

    /** How often the LLM backends are sampled for the history, by one replica elected per sample. */
    @WithDefault("5s")
    Duration sampleInterval();

    /** How long steps and samples are kept; the history reaches back at most 60 minutes. */
    @WithDefault("65m")
    Duration retention();
}
