package com.langomni.orchestrator.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.orchestrator.config.MemoryQueueConfig;
import com.langomni.orchestrator.support.FakeMemoryService;
import com.langomni.orchestrator.support.LlmServicesProfile;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The durable memory write queue against real Redis and a memory-service that goes down, comes back and rejects:
 * nothing is lost while it is down, a 4xx is dropped and counted, and entries a dead replica held are taken over.
 */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class MemoryQueueTests {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @Inject
    MemoryQueue queue;

    @Inject
    FakeMemoryService memory;

    @Inject
    MemoryQueueMetrics metrics;

    @Inject
    MemoryQueueConfig config;

    @Inject
    RedisDataSource redis;

    @AfterEach
    void memoryServiceUp() {
        memory.reset();
    }

    private static MemoryWrite write(String text) {
        return new MemoryWrite("npc:brannoc", "observation", text, 5, System.currentTimeMillis(), "p-1", null);
    }

    private StreamCommands<String, String, String> streams() {
        return redis.stream(String.class);
    }

    @Test
    void aQueuedWriteIsDeliveredAndLeavesTheStream() {
        String text = "delivered " + UUID.randomUUID();
        double delivered = metrics.deliveredCount();

        queue.enqueue(write(text)).await().atMost(DEADLINE);

        await().atMost(DEADLINE).until(() -> memory.writesContaining(text).size() == 1);
        JsonNode sent = memory.writesContaining(text).get(0);
        assertEquals("npc:brannoc", sent.path("ownerId").asText());
        assertEquals("p-1", sent.path("subjectId").asText());
        assertEquals(5, sent.path("importance").asInt());
        await().atMost(DEADLINE).until(() -> metrics.deliveredCount() > delivered);
        await().atMost(DEADLINE).until(() -> streams().xlen(config.stream()) == 0);
    }

    @Test
    void whileMemoryServiceIsDownWritesWaitAndArriveOnceItIsBack() {
        memory.mode(FakeMemoryService.Mode.DOWN);
        int refusedBefore = memory.refusedWrites();
        List<String> texts = List.of("kept 1 " + UUID.randomUUID(), "kept 2 " + UUID.randomUUID());

        texts.forEach(text -> queue.enqueue(write(text)).await().atMost(DEADLINE));

        // retried (with backoff) and still held in the stream, not acknowledged
        await().atMost(DEADLINE).until(() -> memory.refusedWrites() >= refusedBefore + 3);
        assertTrue(streams().xlen(config.stream()) >= 2, "the writes are still queued");
        assertEquals(List.of(), memory.writesContaining("kept "));

        memory.mode(FakeMemoryService.Mode.UP);

        await().atMost(DEADLINE).until(() -> texts.stream().allMatch(t -> !memory.writesContaining(t).isEmpty()));
        List<String> order = memory.writes().stream().map(w -> w.path("text").asText())
                .filter(texts::contains).distinct().toList();
        assertEquals(texts, order, "delivered in the order they were queued");
        await().atMost(DEADLINE).until(() -> streams().xlen(config.stream()) == 0);
    }

    @Test
    void aRejectedWriteIsDroppedAndCounted() {
        memory.mode(FakeMemoryService.Mode.REJECT_WRITES);
        double dropped = metrics.droppedCount(MemoryQueueMetrics.REJECTED);
        String text = "rejected " + UUID.randomUUID();

        queue.enqueue(write(text)).await().atMost(DEADLINE);

        await().atMost(DEADLINE).until(() -> metrics.droppedCount(MemoryQueueMetrics.REJECTED) == dropped + 1);
        await().atMost(DEADLINE).until(() -> streams().xlen(config.stream()) == 0);
        memory.mode(FakeMemoryService.Mode.UP);
        String after = "after the rejection " + UUID.randomUUID();
        queue.enqueue(write(after)).await().atMost(DEADLINE);
        await().atMost(DEADLINE).until(() -> !memory.writesContaining(after).isEmpty());
        assertEquals(List.of(), memory.writesContaining(text), "a rejected write is not retried");
    }

    @Test
    void entriesADeadReplicaHeldAreTakenOver() {
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
    }

    @Test
    void metricsArePublished() {
        String body = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("langomni_memory_queue_queued_total", "langomni_memory_queue_delivered_total",
                "langomni_memory_queue_retried_total", "langomni_memory_queue_lag")) {
            assertTrue(body.contains(name), name);
        }
    }
}
