package com.langomni.orchestrator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The durable queue of memory writes (a Redis stream read by a consumer group, one consumer per replica). Every
 * key is overridable by environment variable, e.g. LANGOMNI_MEMORY_QUEUE_MAX_LENGTH.
 */
@ConfigMapping(prefix = "langomni.memory-queue")
public interface MemoryQueueConfig {

    /** Start the delivery worker at boot; off only for tools that must not drain the stream. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("langomni:memory-writes")
    String stream();

    @WithDefault("memory-writers")
    String group();

    /**
     * Approximate cap of the stream (XADD MAXLEN ~). Delivered entries are deleted, so the stream only holds what
     * memory-service has not taken yet: 100k entries (~50 MB of Redis) is hours of writes at full load; beyond it
     * the oldest undelivered writes are trimmed.
     */
    @WithDefault("100000")
    long maxLength();

    /** Entries read per round. */
    @WithDefault("32")
    int batchSize();

    /** How long one XREADGROUP waits for new entries (also how fast the worker notices a shutdown). */
    @WithDefault("1s")
    Duration block();

    /** An entry pending this long with another consumer (a crashed replica) is taken over with XAUTOCLAIM. */
    @WithDefault("60s")
    Duration reclaimIdle();

    /** Time allowed for one POST /api/memories. */
    @WithDefault("3s")
    Duration deliverTimeout();

    /** First wait after a failed delivery; doubled after each further failure up to {@link #backoffMax()}. */
    @WithDefault("500ms")
    Duration backoffInitial();

    @WithDefault("30s")
    Duration backoffMax();
}
