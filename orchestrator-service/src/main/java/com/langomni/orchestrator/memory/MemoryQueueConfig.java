package com.langomni.orchestrator.memory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The durable queue of memory writes (a Redis stream read by a consumer group, one consumer per replica). Every
 * key is overridable by environment variable, e.g. LANGOMNI_MEMORY_QUEUE_MAX_LENGTH. Next to the stream live
 * {@code <stream>:delayed} (writes waiting for their next attempt) and {@code <stream>:dead} (the dead letters).
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
     * This replica's consumer name in the group (LANGOMNI_MEMORY_QUEUE_CONSUMER). Unset: the HOSTNAME, i.e. the pod
     * name in Kubernetes, so a restarted process takes up what it held. Two replicas on one host must set distinct
     * names (one name shared by two live replicas makes them deliver the same pending entries twice; the
     * idempotency key keeps that to one memory, but it is wasted work).
     */
    Optional<String> consumer();

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

    /**
     * First wait after a failed delivery; doubled after each further failure up to {@link #backoffMax()}. Applies to
     * one entry's next attempt (it waits in {@code <stream>:delayed} while the others go on) and, while
     * memory-service is not ready, to the whole worker.
     */
    @WithDefault("500ms")
    Duration backoffInitial();

    @WithDefault("30s")
    Duration backoffMax();

    /**
     * Attempts of one entry that fail while memory-service is ready (an answer other than 2xx or no answer in
     * {@link #deliverTimeout()}) before it becomes a dead letter. With the default backoff, 8 attempts span
     * about a minute. Failures while memory-service is not ready are not counted: an outage dead-letters nothing.
     */
    @WithDefault("8")
    int maxAttempts();

    /**
     * Approximate cap of the dead-letter stream (XADD MAXLEN ~). Dead letters wait for an admin (replay or
     * delete): 10k entries (~5 MB) is far more than a healthy game makes in weeks; past it the oldest go.
     */
    @WithDefault("10000")
    long deadLetterMaxLength();

    /** A consumer of the group idle this long with nothing pending (a replica gone for good) is deleted. */
    @WithDefault("10m")
    Duration deadConsumerIdle();

    /** How often each replica looks for dead consumers. */
    @WithDefault("1m")
    Duration consumerSweepInterval();
}
