package com.langomni.world.service;

import com.langomni.api.llm.AdmissionStatus;
import com.langomni.world.client.RedisSlots;
import com.langomni.world.config.WorldConfig;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The world model's {@link AdmissionQueue}, built from {@code langomni.world.llm.*}: with the cluster limit on, its
 * slots are the whole backend's (leases in Redis), with this replica's {@code max-concurrent} as the fallback.
 */
@ApplicationScoped
public class NarrationAdmission {
    private final AdmissionQueue queue;
    private final LlmMetrics metrics;

    public NarrationAdmission(WorldConfig world, Instance<Redis> redis, Vertx vertx, LlmMetrics metrics) {
        WorldConfig.Llm config = world.llm();
        WorldConfig.ClusterLimit cluster = config.clusterLimit();
        Slots slots = cluster.enabled()
                ? new RedisSlots(redis.get(), cluster.key(), config.maxConcurrent(),
                        config.totalTimeout().plus(cluster.leaseMargin()), cluster.timeout(), cluster.retryAfter(),
                        System::currentTimeMillis)
                : Slots.LOCAL;
        this.queue = new AdmissionQueue(config.maxConcurrent(), config.maxQueued(), config.maxQueuedNormal(), slots,
                (delay, task) -> vertx.setTimer(Math.max(delay.toMillis(), 1), id -> task.run()),
                cluster.pollInterval());
        this.metrics = metrics;
        metrics.watch(queue);
    }

    /** A ticket for one narration; see {@link AdmissionQueue#enter}. */
    public AdmissionQueue.Ticket enter(Priority priority) {
        return queue.enter(priority);
    }

    /** This replica's admission figures, for {@code GET /api/backends}. */
    public AdmissionStatus status() {
        return new AdmissionStatus(queue.maxConcurrent(), queue.maxQueued(), queue.maxQueuedNormal(), queue.running(),
                queue.queued(Priority.HIGH), queue.queued(Priority.NORMAL), queue.admitted(Priority.HIGH),
                queue.admitted(Priority.NORMAL), metrics.degraded(Priority.HIGH), metrics.degraded(Priority.NORMAL),
                queue.clusterMode(), queue.localOnlyAdmissions());
    }
}
