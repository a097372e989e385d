package com.langomni.orchestrator.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.memory.MemoryWrite;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every memory write the orchestrator makes goes through here: appended to a Redis stream (XADD, MAXLEN ~ the
 * configured cap) from which {@link MemoryDelivery} hands it to memory-service. Each entry carries a fresh
 * idempotency key that stays with the write through retries, dead letters and replays, so memory-service stores it
 * once however often it is sent. The append is the only part an action waits for (one Redis round trip); when
 * Redis refuses it the write is logged and counted as dropped, never an error for the action, which has already
 * committed.
 */
@ApplicationScoped
public class MemoryQueue {

    /** The stream entry's field holding the {@link MemoryWrite} as JSON (the other is {@link QueuedWrite#KEY}). */
    static final String FIELD = QueuedWrite.WRITE;

    private final ReactiveStreamCommands<String, String, String> streams;
    private final ObjectMapper json;
    private final MemoryQueueConfig config;
    private final MemoryQueueMetrics metrics;

    MemoryQueue(ReactiveRedisDataSource redis, ObjectMapper json, MemoryQueueConfig config, MemoryQueueMetrics metrics) {
        this.streams = redis.stream(String.class);
        this.json = json;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<Void> enqueue(List<MemoryWrite> writes) {
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(writes).onItem().transformToUniAndConcatenate(this::enqueue)
                .collect().last().replaceWithVoid();
    }

    public Uni<Void> enqueue(MemoryWrite write) {
        XAddArgs args = new XAddArgs().maxlen(config.maxLength()).nearlyExactTrimming();
        Map<String, String> fields = Map.of(FIELD, serialise(write), QueuedWrite.KEY, UUID.randomUUID().toString());
        return streams.xadd(config.stream(), args, fields)
                .invoke(metrics::queued)
                .onFailure().invoke(failure -> {
                    metrics.dropped(MemoryQueueMetrics.UNQUEUED);
                    Log.warnf("Memory of %s not queued (Redis: %s)", write.ownerId(), failure.toString());
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private String serialise(MemoryWrite write) {
        try {
            return json.writeValueAsString(write);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a MemoryWrite is always serialisable", e);
        }
    }
}
