package com.langomni.orchestrator.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.memory.MemoryRecord;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.api.narration.TokenUsage;
import com.langomni.orchestrator.memory.client.MemoryClient;
import com.langomni.orchestrator.common.ServicesConfig;
import com.langomni.orchestrator.health.ServiceProbe;
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
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import com.langomni.orchestrator.admin.metering.TokenMeter;

/**
 * Delivers the memory write queue to memory-service: one worker thread per replica, one consumer of the stream's
 * group each (named after the host, see {@link ConsumerName}), so N replicas share the work and an entry goes to one
 * of them. Each round puts back on the stream the failed entries whose next attempt is due ({@link MemoryRetries}),
 * then takes, in this order, the entries this consumer holds unacknowledged (left by an outage or by this process
 * before a restart), entries another consumer has held past {@code reclaim-idle} (a crashed replica; XAUTOCLAIM),
 * then new ones (XREADGROUP BLOCK). Every write is sent with its idempotency key, so a retry after a lost answer
 * stores nothing twice.
 * <p>
 * What an answer does to an entry:
 * <ul>
 * <li>2xx: acknowledged and deleted;</li>
 * <li>a 4xx other than 408/429 (the write itself is wrong: sending it again gets the same answer), or an entry that
 * is no memory write: a dead letter at once ({@link MemoryDeadLetters});</li>
 * <li>anything else while memory-service's readiness says UP (this write fails, others may not): one attempt
 * counted; the entry waits {@code backoff-initial} doubled per attempt (at most {@code backoff-max}) while the
 * worker goes on with the next entries, and becomes a dead letter after {@code max-attempts};</li>
 * <li>503 (memory-service says it cannot serve), or anything else while its readiness is not UP (down, starting,
 * unreachable): nothing counted against the entry, which stays pending in its place; the worker waits with the same doubling backoff and starts over. An
 * outage therefore delays writes, in order, and dead-letters none.</li>
 * </ul>
 * Every {@code consumer-sweep-interval} the worker also deletes consumers idle past {@code dead-consumer-idle} with
 * nothing pending ({@link DeadConsumers}).
 * <p>
 * A plain thread with blocking calls: it is off the request path and waits most of its life, and blocking keeps
 * the retry loop obvious.
 */
@ApplicationScoped
public class MemoryDelivery {

    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(5);
    private static final int BODY_CHARS = 300;

    private final StreamCommands<String, String, String> streams;
    private final MemoryClient memory;
    private final ObjectMapper json;
    private final MemoryQueueConfig config;
    private final MemoryQueueMetrics metrics;
    private final TokenMeter tokens;
    private final MemoryRetries retries;
    private final MemoryDeadLetters deadLetters;
    private final DeadConsumers deadConsumers;
    private final ServiceProbe probe;
    private final String memoryUrl;
    private final Duration probeTimeout;
    private final String consumer;
    private volatile boolean running;
    private volatile Thread worker;
    private boolean groupReady;
    private long outages;
    private long lastSweep;

    MemoryDelivery(RedisDataSource redis, MemoryClient memory, ObjectMapper json, MemoryQueueConfig config,
                   MemoryQueueMetrics metrics, TokenMeter tokens, MemoryRetries retries,
                   MemoryDeadLetters deadLetters, DeadConsumers deadConsumers, ServiceProbe probe,
                   ServicesConfig services, @ConfigProperty(name = "quarkus.rest-client.memory.url") String memoryUrl) {
        this.streams = redis.stream(String.class);
        this.memory = memory;
        this.json = json;
        this.config = config;
        this.metrics = metrics;
        this.tokens = tokens;
        this.retries = retries;
        this.deadLetters = deadLetters;
        this.deadConsumers = deadConsumers;
        this.probe = probe;
        this.memoryUrl = memoryUrl; // where the writes go, hence whose readiness tells an outage from a bad write
        this.probeTimeout = services.probeTimeout().plusSeconds(1);
        this.consumer = ConsumerName.resolve(config.consumer(), System.getenv("HOSTNAME"),
                MemoryDelivery::systemHostName);
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
                sweepDeadConsumers();
                retries.promoteDue(System.currentTimeMillis(), config.batchSize(), REDIS_TIMEOUT);
                boolean memoryServiceUp = deliver(next());
                sample();
                if (memoryServiceUp) {
                    outages = 0;
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
                if (outages == 0) {
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

    private void sweepDeadConsumers() {
        long now = System.currentTimeMillis();
        if (now - lastSweep < config.consumerSweepInterval().toMillis()) {
            return;
        }
        lastSweep = now;
        List<String> gone = deadConsumers.sweep(config.stream(), config.group(), consumer, config.deadConsumerIdle(),
                REDIS_TIMEOUT);
        if (!gone.isEmpty()) {
            Log.infof("Memory write queue: deleted consumers gone for over %s with nothing pending: %s",
                    config.deadConsumerIdle(), gone);
        }
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

    private void sample() {
        metrics.lag(streams.xlen(config.stream()) + retries.waiting(REDIS_TIMEOUT));
        metrics.deadLetters(deadLetters.count().await().atMost(REDIS_TIMEOUT));
    }

    /** Delivers in order; false when memory-service turned out not to be ready (the rest stays pending). */
    private boolean deliver(List<StreamMessage<String, String, String>> batch) {
        for (StreamMessage<String, String, String> message : batch) {
            if (!running) {
                return true;
            }
            QueuedWrite entry = QueuedWrite.of(message.id(), message.payload());
            if (entry.payload() == null) {
                // Trimmed by MAXLEN (or deleted) while still pending: nothing left to send.
                finish(entry, MemoryQueueMetrics.TRIMMED);
                continue;
            }
            MemoryWrite write;
            try {
                write = json.readValue(entry.payload(), MemoryWrite.class);
            } catch (IOException e) {
                String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                bury(entry, entry.attempts(), "not a memory write: " + why, MemoryQueueMetrics.MALFORMED);
                continue;
            }
            if (!deliver(entry, write)) {
                return false;
            }
        }
        return true;
    }

    /** False when memory-service is not ready: the entry stays pending and the round ends. */
    private boolean deliver(QueuedWrite entry, MemoryWrite write) {
        metrics.attempted();
        try {
            MemoryRecord stored = memory.write(entry.key(), write).await().atMost(config.deliverTimeout());
            finish(entry, null);
            try {
                meterImportance(write, stored);
            } catch (RuntimeException e) { // accounting: never a reason to deliver a stored memory again
                Log.warnf("Memory write queue: tokens of a write for %s not metered: %s", write.ownerId(), e.toString());
            }
            return true;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            String error = "HTTP " + status + answer(e);
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                metrics.failed(MemoryQueueMetrics.REJECTED);
                bury(entry, entry.attempts() + 1, error, MemoryQueueMetrics.REJECTED);
                return true;
            }
            if (status == 503) {
                // memory-service says it cannot serve: it is not ready, whatever a probe a moment later says (one
                // that reads "ready" would park this entry and let the ones after it overtake it)
                return notReady(entry, error);
            }
            return failed(entry, write, error);
        } catch (RuntimeException e) {
            return failed(entry, write, e.toString());
        }
    }

    /** A failure that may pass: counted against the entry only while memory-service is ready. */
    private boolean failed(QueuedWrite entry, MemoryWrite write, String error) {
        if (!memoryServiceReady()) {
            return notReady(entry, error);
        }
        metrics.failed(MemoryQueueMetrics.ERROR);
        int attempts = entry.attempts() + 1;
        if (attempts >= config.maxAttempts()) {
            bury(entry, attempts, error, MemoryQueueMetrics.ATTEMPTS);
            return true;
        }
        metrics.retried();
        Duration wait = Backoff.after(attempts, config.backoffInitial(), config.backoffMax());
        Log.debugf("Memory write queue: a memory of %s failed (%s), attempt %d of %d, next in %s", write.ownerId(),
                error, attempts, config.maxAttempts(), wait);
        retries.park(entry, attempts, error, System.currentTimeMillis() + wait.toMillis(), REDIS_TIMEOUT);
        return true;
    }

    /** The entry stays pending in its place and the round ends: false. */
    private boolean notReady(QueuedWrite entry, String error) {
        metrics.failed(MemoryQueueMetrics.UNAVAILABLE);
        metrics.retried();
        Log.debugf("Memory write queue: memory-service not ready (%s), entry %s waits", error, entry.id());
        return false;
    }

    private boolean memoryServiceReady() {
        try {
            return probe.ready(memoryUrl).await().atMost(probeTimeout).up();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** ": <message>" of memory-service's error body (or the start of whatever it answered); empty when none. */
    private String answer(WebApplicationException e) {
        String body;
        try {
            body = e.getResponse().readEntity(String.class);
        } catch (RuntimeException unreadable) {
            return "";
        }
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.hasNonNull("message")) {
                return ": " + error.get("message").asText();
            }
        } catch (IOException notJson) {
            // the raw answer then
        }
        String text = body.strip();
        return ": " + (text.length() <= BODY_CHARS ? text : text.substring(0, BODY_CHARS) + "…");
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

    /** Acknowledged and deleted: the stream only keeps what is still to deliver. */
    private void finish(QueuedWrite entry, String droppedReason) {
        streams.xack(config.stream(), config.group(), entry.id());
        streams.xdel(config.stream(), entry.id());
        if (droppedReason == null) {
            metrics.delivered();
        } else {
            metrics.dropped(droppedReason);
        }
    }

    private void bury(QueuedWrite entry, int attempts, String error, String reason) {
        if (deadLetters.bury(entry, attempts, error, System.currentTimeMillis(), REDIS_TIMEOUT)) {
            metrics.deadLettered(reason);
            Log.warnf("Memory write queue: entry %s is a dead letter (%s; %d attempts; last: %s)", entry.id(), reason,
                    attempts, error);
        }
    }

    private void pause() {
        outages++;
        Duration wait = Backoff.after(outages, config.backoffInitial(), config.backoffMax());
        if (outages == 5) {
            Log.warnf("Memory write queue: memory-service or Redis unavailable, retrying every %s at most",
                    config.backoffMax());
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            // only stop() interrupts; the loop sees running == false
            Thread.currentThread().interrupt();
        }
    }

    private static String systemHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
