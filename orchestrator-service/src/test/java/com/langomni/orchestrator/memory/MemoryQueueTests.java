package com.langomni.orchestrator.memory;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.orchestrator.support.FakeMemoryService;
import com.langomni.orchestrator.support.LlmServicesProfile;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The durable memory write queue against real Redis and a memory-service that goes down, comes back, rejects, fails
 * for one owner only and loses an answer: nothing is lost or dead-lettered while it is down, a rejected or poisonous
 * write becomes a dead letter without holding up the others, a retried write is stored once, entries a dead replica
 * held are taken over and the dead replica's consumer is deleted.
 */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class MemoryQueueTests {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @Inject
    MemoryQueue queue;

    @Inject
    MemoryDelivery delivery;

    @Inject
    MemoryDeadLetters deadLetters;

    @Inject
    DeadConsumers deadConsumers;

    @Inject
    FakeMemoryService memory;

    @Inject
    MemoryQueueMetrics metrics;

    @Inject
    MemoryQueueConfig config;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @AfterEach
    void memoryServiceUp() {
        memory.reset();
    }

    private static MemoryWrite write(String text) {
        return write("npc:brannoc", text);
    }

    private static MemoryWrite write(String owner, String text) {
        return new MemoryWrite(owner, "observation", text, 5, System.currentTimeMillis(), "p-1", null);
    }

    private StreamCommands<String, String, String> streams() {
        return redis.stream(String.class);
    }

    private Optional<MemoryDeadLetter> deadLetter(String text) {
        return deadLetters.list().await().atMost(DEADLINE).items().stream()
                .filter(d -> d.summary().contains(text)).findFirst();
    }

    private Map<String, String> entry(MemoryWrite write) throws JsonProcessingException {
        return Map.of(MemoryQueue.FIELD, json.writeValueAsString(write), QueuedWrite.KEY, UUID.randomUUID().toString());
    }

    @Test
    void aQueuedWriteIsDeliveredWithItsKeyAndLeavesTheStream() {
        String text = "delivered " + UUID.randomUUID();
        double delivered = metrics.deliveredCount();

        queue.enqueue(write(text)).await().atMost(DEADLINE);

        await().atMost(DEADLINE).until(() -> memory.writesContaining(text).size() == 1);
        JsonNode sent = memory.writesContaining(text).get(0);
        assertEquals("npc:brannoc", sent.path("ownerId").asText());
        assertEquals("p-1", sent.path("subjectId").asText());
        assertEquals(5, sent.path("importance").asInt());
        assertNotNull(memory.attemptsContaining(text).get(0).key(), "every write carries an idempotency key");
        await().atMost(DEADLINE).until(() -> metrics.deliveredCount() > delivered);
        await().atMost(DEADLINE).until(() -> streams().xlen(config.stream()) == 0);
    }

    @Test
    void whileMemoryServiceIsDownWritesWaitInOrderAndNoneIsDeadLettered() {
        memory.mode(FakeMemoryService.Mode.DOWN);
        int refusedBefore = memory.refusedWrites();
        double unavailable = metrics.failureCount(MemoryQueueMetrics.UNAVAILABLE);
        List<String> texts = List.of("kept 1 " + UUID.randomUUID(), "kept 2 " + UUID.randomUUID());

        texts.forEach(text -> queue.enqueue(write(text)).await().atMost(DEADLINE));

        // tried again and again, more often than max-attempts, and still held in the stream, not acknowledged
        await().atMost(DEADLINE).until(() -> memory.refusedWrites() >= refusedBefore + config.maxAttempts() + 2);
        assertTrue(streams().xlen(config.stream()) >= 2, "the writes are still queued");
        assertEquals(List.of(), memory.writesContaining("kept "));
        assertTrue(metrics.failureCount(MemoryQueueMetrics.UNAVAILABLE) > unavailable);

        memory.mode(FakeMemoryService.Mode.UP);

        await().atMost(DEADLINE).until(() -> texts.stream().allMatch(t -> !memory.writesContaining(t).isEmpty()));
        List<String> order = memory.writes().stream().map(w -> w.path("text").asText())
                .filter(texts::contains).distinct().toList();
        assertEquals(texts, order, "delivered in the order they were queued");
        texts.forEach(t -> assertEquals(Optional.empty(), deadLetter(t), "an outage dead-letters nothing"));
        await().atMost(DEADLINE).until(() -> streams().xlen(config.stream()) == 0);
    }

    @Test
    void aRejectedWriteIsADeadLetterAtOnceAndTheNextOneGoesThrough() {
        memory.mode(FakeMemoryService.Mode.REJECT_WRITES);
        double rejected = metrics.deadLetteredCount(MemoryQueueMetrics.REJECTED);
        String text = "rejected " + UUID.randomUUID();

        queue.enqueue(write(text)).await().atMost(DEADLINE);

        await().atMost(DEADLINE).until(() -> deadLetter(text).isPresent());
        MemoryDeadLetter dead = deadLetter(text).orElseThrow();
        assertEquals(1, dead.attempts(), "a 4xx is not tried again");
        assertEquals("HTTP 400: fake memory-service rejects writes", dead.lastError());
        assertEquals("npc:brannoc", dead.ownerId());
        assertEquals("observation", dead.kind());
        assertEquals(1, memory.attemptsContaining(text).size());
        assertEquals(rejected + 1, metrics.deadLetteredCount(MemoryQueueMetrics.REJECTED));
        await().atMost(DEADLINE).until(() -> streams().xlen(config.stream()) == 0);

        memory.mode(FakeMemoryService.Mode.UP);
        String after = "after the rejection " + UUID.randomUUID();
        queue.enqueue(write(after)).await().atMost(DEADLINE);
        await().atMost(DEADLINE).until(() -> !memory.writesContaining(after).isEmpty());
        assertEquals(1, memory.attemptsContaining(text).size(), "a dead letter is not retried");
    }

    /**
     * memory-service fails every write of one owner (and is otherwise healthy): that write is tried max-attempts
     * times with backoff while the writes queued behind it are delivered, then it is a dead letter.
     */
    @Test
    void aPoisonWriteNeverBlocksTheOthersAndEndsAsADeadLetter() throws JsonProcessingException {
        String poisonOwner = "npc:poison-" + UUID.randomUUID();
        memory.failWritesOf(poisonOwner, 500);
        String poison = "poison " + UUID.randomUUID();
        List<String> good = List.of("good 1 " + UUID.randomUUID(), "good 2 " + UUID.randomUUID(),
                "good 3 " + UUID.randomUUID());
        double outOfAttempts = metrics.deadLetteredCount(MemoryQueueMetrics.ATTEMPTS);
        List<Map<String, String>> entries = List.of(entry(write(poisonOwner, poison)), entry(write(good.get(0))),
                entry(write(good.get(1))), entry(write(good.get(2))));
        // One transaction: the worker reads the four together, the poison first.
        redis.withTransaction(tx -> entries.forEach(e -> tx.stream(String.class).xadd(config.stream(), e)));

        await().atMost(DEADLINE).until(() -> deadLetter(poison).isPresent());
        good.forEach(t -> assertEquals(1, memory.writesContaining(t).size(), t));

        List<String> sent = memory.attempts().stream().map(FakeMemoryService.Attempt::text)
                .filter(t -> t.equals(poison) || good.contains(t)).toList();
        assertEquals(config.maxAttempts(), sent.stream().filter(poison::equals).count());
        int firstRetry = sent.subList(1, sent.size()).indexOf(poison) + 1;
        assertEquals(poison, sent.get(0));
        assertEquals(good, sent.subList(1, firstRetry), "the others went through while the poison waited: " + sent);

        MemoryDeadLetter dead = deadLetter(poison).orElseThrow();
        assertEquals(config.maxAttempts(), dead.attempts());
        assertEquals("HTTP 500: fake memory-service fails for " + poisonOwner, dead.lastError());
        assertEquals(poisonOwner, dead.ownerId());
        assertEquals(outOfAttempts + 1, metrics.deadLetteredCount(MemoryQueueMetrics.ATTEMPTS));
        List<String> keys = memory.attemptsContaining(poison).stream().map(FakeMemoryService.Attempt::key)
                .distinct().toList();
        assertEquals(1, keys.size(), "every attempt carries the same key: " + keys);
        await().atMost(DEADLINE).until(() -> streams().xlen(config.stream()) == 0
                && redis.sortedSet(String.class).zcard(MemoryQueueKeys.delayed(config.stream())) == 0);
    }

    /** memory-service stored the write but its answer came after deliver-timeout: the retry stores nothing new. */
    @Test
    void aWriteRetriedAfterItsAnswerWasLostIsStoredOnce() {
        String owner = "npc:late-" + UUID.randomUUID();
        String text = "answered late " + UUID.randomUUID();
        memory.answerNextWriteLate(owner, config.deliverTimeout().plusMillis(500));
        int replays = memory.replays();

        queue.enqueue(write(owner, text)).await().atMost(DEADLINE);

        await().atMost(DEADLINE).until(() -> memory.replays() > replays);
        List<FakeMemoryService.Attempt> sent = memory.attemptsContaining(text);
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).key(), sent.get(1).key());
        assertEquals(1, memory.writesContaining(text).size(), "one memory");
        await().atMost(DEADLINE).until(() -> streams().xlen(config.stream()) == 0
                && redis.sortedSet(String.class).zcard(MemoryQueueKeys.delayed(config.stream())) == 0);
        assertEquals(Optional.empty(), deadLetter(text));
        assertEquals(2, memory.attemptsContaining(text).size(), "delivered: not sent again");
    }

    @Test
    void anEntryThatIsNoMemoryWriteIsADeadLetter() {
        String garbage = "not a memory write " + UUID.randomUUID();
        double malformed = metrics.deadLetteredCount(MemoryQueueMetrics.MALFORMED);

        streams().xadd(config.stream(), Map.of(MemoryQueue.FIELD, garbage));

        await().atMost(DEADLINE).until(() -> deadLetter(garbage).isPresent());
        MemoryDeadLetter dead = deadLetter(garbage).orElseThrow();
        assertEquals(null, dead.kind());
        assertEquals(null, dead.ownerId());
        assertTrue(dead.lastError().startsWith("not a memory write"), dead.lastError());
        assertEquals(malformed + 1, metrics.deadLetteredCount(MemoryQueueMetrics.MALFORMED));
    }

    @Test
    void entriesADeadReplicaHeldAreTakenOverAndItsConsumerIsDeleted() {
        String text = "orphaned " + UUID.randomUUID();
        String payload = "{\"ownerId\":\"npc:brannoc\",\"kind\":\"observation\",\"text\":\"" + text + "\",\"importance\":4}";
        // Added and read by a replica that then dies, in one transaction so this replica's worker cannot read it first.
        redis.withTransaction(tx -> {
            tx.stream(String.class).xadd(config.stream(), Map.of(MemoryQueue.FIELD, payload));
            tx.stream(String.class).xreadgroup(config.group(), "dead-replica", config.stream(), ">",
                    new XReadGroupArgs().count(1));
        });
        assertEquals(1L, streams().xpending(config.stream(), config.group()).getConsumers().getOrDefault("dead-replica", 0L));

        await().atMost(DEADLINE).until(() -> !memory.writesContaining(text).isEmpty());
        await().atMost(DEADLINE).until(() -> streams().xpending(config.stream(), config.group()).getConsumers()
                .getOrDefault("dead-replica", 0L) == 0L);
        // idle past dead-consumer-idle with nothing pending: swept
        await().atMost(DEADLINE).until(() -> !consumers(config.stream(), config.group()).containsKey("dead-replica"));
        assertTrue(consumers(config.stream(), config.group()).containsKey(delivery.consumer()));
    }

    @Test
    void theConsumerIsNamedAfterTheHost() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        assertEquals(ConsumerName.resolve(Optional.empty(), System.getenv("HOSTNAME"), () -> host),
                delivery.consumer(), "not configured in the test profile: the host's name, stable across restarts");
        assertFalse(delivery.consumer().isBlank());
    }

    @Test
    void onlyConsumersIdleWithNothingPendingAreSwept() {
        String stream = "langomni:test:consumers:" + UUID.randomUUID();
        String group = "g";
        StreamCommands<String, String, String> s = streams();
        s.xgroupCreate(stream, group, "0", new XGroupCreateArgs().mkstream());
        s.xadd(stream, Map.of("write", "{}"));
        s.xreadgroup(group, "holder", stream, ">", new XReadGroupArgs().count(1)); // holds one entry
        s.xgroupCreateConsumer(stream, group, "idle");
        s.xgroupCreateConsumer(stream, group, "self");
        Duration idle = Duration.ofMillis(100);
        await().atMost(DEADLINE).until(() -> consumers(stream, group).values().stream()
                .allMatch(ms -> ms > idle.toMillis()));
        s.xgroupCreateConsumer(stream, group, "fresh");

        List<String> gone = deadConsumers.sweep(stream, group, "self", idle, DEADLINE);

        assertEquals(List.of("idle"), gone);
        assertEquals(List.of("fresh", "holder", "self"), consumers(stream, group).keySet().stream().sorted().toList());
        redis.key(String.class).del(stream);
    }

    @Test
    void metricsArePublished() {
        String body = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("langomni_memory_queue_queued_total", "langomni_memory_queue_delivered_total",
                "langomni_memory_queue_retried_total", "langomni_memory_queue_attempts_total",
                "langomni_memory_queue_failures_total{reason=\"unavailable\"}",
                "langomni_memory_queue_failures_total{reason=\"error\"}",
                "langomni_memory_queue_failures_total{reason=\"rejected\"}",
                "langomni_memory_queue_dead_lettered_total{reason=\"attempts\"}",
                "langomni_memory_queue_dead_lettered_total{reason=\"rejected\"}",
                "langomni_memory_queue_dead_lettered_total{reason=\"malformed\"}",
                "langomni_memory_queue_dropped_total{reason=\"trimmed\"}",
                "langomni_memory_queue_dropped_total{reason=\"unqueued\"}",
                "langomni_memory_queue_lag", "langomni_memory_queue_dead_letters")) {
            assertTrue(body.contains(name), name);
        }
    }

    /** The consumers of a group and their idle time in ms (XINFO CONSUMERS, read in a script for its RESP2 form). */
    private Map<String, Long> consumers(String stream, String group) {
        Response info = redis.execute("EVAL", """
                local out = {}
                for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
                  local f = {}
                  for i = 1, #c, 2 do f[c[i]] = c[i + 1] end
                  table.insert(out, f['name'])
                  table.insert(out, f['idle'])
                end
                return out
                """, "1", stream, group);
        Map<String, Long> consumers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < info.size(); i += 2) {
            consumers.put(info.get(i).toString(), info.get(i + 1).toLong());
        }
        return consumers;
    }
}
