package com.langomni.orchestrator.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.memory.MemoryRecord;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.api.narration.TokenUsage;
import com.langomni.orchestrator.client.MemoryClient;
import com.langomni.orchestrator.config.MemoryQueueConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Delivers the memory write queue to memory-service: one worker thread per replica, one consumer of the stream's
 * group each, so N replicas share the work and an entry goes to one of them. Each round takes, in this order, the
 * entries this consumer holds unacknowledged (a delivery that failed), entries another consumer has held past
 * {@code reclaim-idle} (a crashed replica; XAUTOCLAIM), then new ones (XREADGROUP BLOCK). An entry is acknowledged
 * and deleted once memory-service answers 2xx, dropped (logged, counted) on a 4xx other than 408/429, and otherwise
 * kept and retried after a backoff that doubles up to {@code backoff-max}. Delivery is at least once: a write
 * retried after a timeout may reach memory-service twice.
 * <p>
 * A plain thread with blocking calls: it is off the request path and waits most of its life, and blocking keeps
 * the retry loop obvious.
 */
@ApplicationScoped
public class MemoryDelivery {

    private final StreamCommands<String, String, String> streams;
    private final MemoryClient memory;
    private final ObjectMapper json;
    private final MemoryQueueConfig config;
    private final MemoryQueueMetrics metrics;
    private final TokenMeter tokens;
    private final String consumer = "orchestrator-" + UUID.randomUUID();
    private volatile boolean running;
    private volatile Thread worker;
    private boolean groupReady;
    private long failures;

    MemoryDelivery(RedisDataSource redis, MemoryClient memory, ObjectMapper json, MemoryQueueConfig config,
                   MemoryQueueMetrics metrics, TokenMeter tokens) {
        this.streams = redis.stream(String.class);
        this.memory = memory;
        this.json = json;
        this.config = config;
        this.metrics = metrics;
        this.tokens = tokens;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Memory write queue delivery is off (langomni.memory-queue.enabled=false)");
            return;
        }
        running = true;
        Thread thread = new Thread(this::run, "memory-delivery");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
        Log.infof("Memory write queue: delivering %s as %s", config.stream(), consumer);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(config.block().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** This replica's consumer name in the group. */
    public String consumer() {
        return consumer;
    }

    private void run() {
        while (running) {
            try {
                ensureGroup();
                List<StreamMessage<String, String, String>> batch = next();
                boolean allDelivered = deliver(batch);
                metrics.lag(streams.xlen(config.stream()));
                if (allDelivered) {
                    failures = 0;
                } else {
                    pause();
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (String.valueOf(e.getMessage()).contains("NOGROUP")) {
                    groupReady = false;
                }
                // Redis down: said once, then quietly retried until a round succeeds.
                if (failures == 0) {
                    Log.warnf("Memory write queue: %s", e.toString());
                } else {
                    Log.debugf("Memory write queue: %s", e.toString());
                }
                pause();
            }
        }
    }

    private void ensureGroup() {
        if (groupReady) {
            return;
        }
        try {
            // From id 0: writes queued before any replica created the group are delivered too.
            streams.xgroupCreate(config.stream(), config.group(), "0", new XGroupCreateArgs().mkstream());
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")) {
                throw e;
            }
        }
        groupReady = true;
    }

    private List<StreamMessage<String, String, String>> next() {
        String stream = config.stream();
        int count = config.batchSize();
        List<StreamMessage<String, String, String>> mine = streams.xreadgroup(config.group(), consumer, stream, "0",
                new XReadGroupArgs().count(count));
        if (!mine.isEmpty()) {
            return mine;
        }
        List<StreamMessage<String, String, String>> orphans = streams.xautoclaim(stream, config.group(), consumer,
                config.reclaimIdle(), "0-0", count).getMessages();
        if (!orphans.isEmpty()) {
            Log.infof("Memory write queue: took over %d entries left pending by another replica", orphans.size());
            return orphans;
        }
        return streams.xreadgroup(config.group(), consumer, stream, ">",
                new XReadGroupArgs().count(count).block(config.block()));
    }

    /** Delivers in order; stops at the first entry that must be retried (false). */
    private boolean deliver(List<StreamMessage<String, String, String>> batch) {
        for (StreamMessage<String, String, String> entry : batch) {
            if (!running) {
                return true;
            }
            String payload = entry.payload() == null ? null : entry.payload().get(MemoryQueue.FIELD);
            if (payload == null) {
                // Trimmed by MAXLEN (or deleted) while still pending: nothing left to send.
                finish(entry, MemoryQueueMetrics.TRIMMED);
                continue;
            }
            MemoryWrite write;
            try {
                write = json.readValue(payload, MemoryWrite.class);
            } catch (IOException e) {
                Log.warnf("Memory write queue: entry %s is not a memory write, dropped", entry.id());
                finish(entry, MemoryQueueMetrics.MALFORMED);
                continue;
            }
            if (!deliver(entry, write)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The importance rating's tokens, and what the owner's reflections cost since its previous write (memory-service
     * reports them with the next write), go to the memory's owner: the player, or the NPC who remembers.
     */
    private void meterImportance(MemoryWrite write, MemoryRecord stored) {
        if (stored == null || write.ownerId() == null) {
            return;
        }
        meter(TokenMeter.IMPORTANCE, write.ownerId(), stored.usage());
        meter(TokenMeter.REFLECTION, write.ownerId(), stored.reflectionUsage());
    }

    private void meter(String role, String owner, TokenUsage usage) {
        if (owner.startsWith(MemoryOwners.PLAYER_PREFIX)) {
            tokens.record(role, owner.substring(MemoryOwners.PLAYER_PREFIX.length()), null, usage);
        } else if (owner.startsWith(MemoryOwners.NPC_PREFIX)) {
            tokens.record(role, null, owner.substring(MemoryOwners.NPC_PREFIX.length()), usage);
        }
    }

    private boolean deliver(StreamMessage<String, String, String> entry, MemoryWrite write) {
        try {
            MemoryRecord stored = memory.write(write).await().atMost(config.deliverTimeout());
            finish(entry, null);
            try {
                meterImportance(write, stored);
            } catch (RuntimeException e) { // accounting: never a reason to deliver a stored memory again
                Log.warnf("Memory write queue: tokens of a write for %s not metered: %s", write.ownerId(), e.toString());
            }
            return true;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                Log.warnf("Memory write queue: memory-service refused a memory of %s (HTTP %d), dropped",
                        write.ownerId(), status);
                finish(entry, MemoryQueueMetrics.REJECTED);
                return true;
            }
            return retryLater(entry, "HTTP " + status);
        } catch (RuntimeException e) {
            return retryLater(entry, e.toString());
        }
    }

    private boolean retryLater(StreamMessage<String, String, String> entry, String why) {
        metrics.retried();
        Log.debugf("Memory write queue: entry %s not delivered (%s), will retry", entry.id(), why);
        return false;
    }

    /** Acknowledged and deleted: the stream only keeps what is still to deliver. */
    private void finish(StreamMessage<String, String, String> entry, String droppedReason) {
        streams.xack(config.stream(), config.group(), entry.id());
        streams.xdel(config.stream(), entry.id());
        if (droppedReason == null) {
            metrics.delivered();
        } else {
            metrics.dropped(droppedReason);
        }
    }

    private void pause() {
        failures++;
        long initial = config.backoffInitial().toMillis();
        long wait = Math.min(config.backoffMax().toMillis(), initial << Math.min(failures - 1, 20));
        if (failures == 5) {
            Log.warnf("Memory write queue: memory-service unreachable, retrying every %s at most",
                    config.backoffMax());
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            // only stop() interrupts; the loop sees running == false
            Thread.currentThread().interrupt();
        }
    }
}
