package com.langomni.orchestrator.admin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.orchestrator.memory.MemoryQueueConfig;
import com.langomni.orchestrator.memory.MemoryQueue;
import com.langomni.orchestrator.support.FakeMemoryService;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/admin/memory/dead-letters}: the memory writes given up on, listed newest first, replayed (back to
 * memory-service with their key and fresh attempts) or deleted; admins only.
 */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class AdminDeadLetterTests {

    private static final String PATH = "/api/admin/memory/dead-letters";
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @Inject
    FakeMemoryService memory;

    @Inject
    MemoryQueue queue;

    @Inject
    MemoryQueueConfig config;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    private String admin;

    @BeforeEach
    void noDeadLetters() {
        redis.key(String.class).del(deadStream());
        admin = TestAdmin.bearer();
    }

    @AfterEach
    void memoryServiceUp() {
        memory.reset();
    }

    private String deadStream() {
        return config.stream() + ":dead";
    }

    private JsonPath list() {
        return given().header("Authorization", admin).get(PATH).then().statusCode(200).extract().jsonPath();
    }

    /** A dead letter as the worker writes one; its id. */
    private String bury(String owner, String text, int attempts, String error, long failedAt) throws Exception {
        String write = json.writeValueAsString(new MemoryWrite(owner, "conversation", text, null, 1L, "p-9", null));
        return redis.stream(String.class).xadd(deadStream(), Map.of("write", write, "key", UUID.randomUUID().toString(),
                "attempts", Integer.toString(attempts), "error", error, "failedAt", Long.toString(failedAt)));
    }

    @Test
    void theNewestHundredAreListedNewestFirstWithTheTotal() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add(bury("npc:brannoc", "memory " + i, 3, "HTTP 500: boom", 1_700_000_000_000L + i));
        }
        String longText = "A very long memory ".repeat(20);
        String newest = bury("player:p-9", longText, 8, "TimeoutException", 1_700_000_001_000L);

        JsonPath page = list();

        assertEquals(102, page.getInt("total"));
        assertEquals(100, page.getList("items").size());
        assertEquals(newest, page.getString("items[0].id"));
        assertEquals(ids.get(100), page.getString("items[1].id"));
        assertEquals(ids.get(2), page.getString("items[99].id"));
        assertEquals("conversation", page.getString("items[0].kind"));
        assertEquals("player:p-9", page.getString("items[0].ownerId"));
        assertEquals(8, page.getInt("items[0].attempts"));
        assertEquals("TimeoutException", page.getString("items[0].lastError"));
        assertEquals(Instant.ofEpochMilli(1_700_000_001_000L), Instant.parse(page.getString("items[0].failedAt")));
        String summary = page.getString("items[0].summary");
        assertTrue(summary.length() <= 120 && longText.startsWith(summary.substring(0, summary.length() - 1)), summary);
    }

    @Test
    void aRejectedWriteIsListedAndItsReplayIsDeliveredOnceWithItsKey() {
        memory.mode(FakeMemoryService.Mode.REJECT_WRITES);
        String text = "replay me " + UUID.randomUUID();
        queue.enqueue(new MemoryWrite("npc:brannoc", "observation", text, 4, null, "p-1", null))
                .await().atMost(DEADLINE);
        await().atMost(DEADLINE).until(() -> list().getInt("total") == 1);
        JsonPath page = list();
        assertEquals(text, page.getString("items[0].summary"));
        assertEquals("observation", page.getString("items[0].kind"));
        assertEquals("npc:brannoc", page.getString("items[0].ownerId"));
        assertEquals(1, page.getInt("items[0].attempts"));
        assertEquals("HTTP 400: fake memory-service rejects writes", page.getString("items[0].lastError"));
        String id = page.getString("items[0].id");

        memory.mode(FakeMemoryService.Mode.UP);
        given().header("Authorization", admin).post(PATH + "/" + id + "/replay").then().statusCode(204);

        await().atMost(DEADLINE).until(() -> memory.writesContaining(text).size() == 1);
        assertEquals(0, list().getInt("total"));
        List<String> keys = memory.attemptsContaining(text).stream().map(FakeMemoryService.Attempt::key).toList();
        assertEquals(2, keys.size());
        assertEquals(keys.get(0), keys.get(1), "the replay carries the write's idempotency key");
        given().header("Authorization", admin).post(PATH + "/" + id + "/replay").then().statusCode(404)
                .body("code", equalTo("not_found"));
    }

    @Test
    void aReplayStartsTheAttemptsAfresh() throws Exception {
        String owner = "npc:still-failing-" + UUID.randomUUID();
        memory.failWritesOf(owner, 500);
        String text = "fails again " + UUID.randomUUID();
        String id = bury(owner, text, config.maxAttempts(), "HTTP 500: earlier", System.currentTimeMillis());

        given().header("Authorization", admin).post(PATH + "/" + id + "/replay").then().statusCode(204);

        await().atMost(DEADLINE).until(() -> list().getInt("total") == 1
                && !list().getString("items[0].id").equals(id));
        assertEquals(config.maxAttempts(), memory.attemptsContaining(text).size(), "max-attempts tries again");
        assertEquals(config.maxAttempts(), list().getInt("items[0].attempts"));
        assertEquals("HTTP 500: fake memory-service fails for " + owner, list().getString("items[0].lastError"));
    }

    @Test
    void aDeletedDeadLetterIsGone() throws Exception {
        String keep = bury("npc:brannoc", "keep", 8, "x", 1L);
        String drop = bury("npc:brannoc", "drop", 8, "x", 2L);

        given().header("Authorization", admin).delete(PATH + "/" + drop).then().statusCode(204);

        JsonPath page = list();
        assertEquals(1, page.getInt("total"));
        assertEquals(keep, page.getString("items[0].id"));
        given().header("Authorization", admin).delete(PATH + "/" + drop).then().statusCode(404)
                .body("code", equalTo("not_found"));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        for (String id : List.of("1-1", "99999999999999-0", "not-an-id", "1-1-1")) {
            given().header("Authorization", admin).post(PATH + "/" + id + "/replay").then().statusCode(404);
            given().header("Authorization", admin).delete(PATH + "/" + id).then().statusCode(404);
        }
    }

    @Test
    void anEntryThatWasNoMemoryWriteIsListedRaw() {
        redis.stream(String.class).xadd(deadStream(), Map.of("write", "garbage in", "key", "k", "attempts", "0",
                "error", "not a memory write", "failedAt", "5"));

        given().header("Authorization", admin).get(PATH).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].summary", equalTo("garbage in"))
                .body("items[0].kind", equalTo(null))
                .body("items[0].ownerId", equalTo(null))
                .body("items[0].failedAt", equalTo("1970-01-01T00:00:00.005Z"));
    }

    @Test
    void onlyAdminsMayUseThem() throws Exception {
        String id = bury("npc:brannoc", "private", 8, "x", 1L);
        String player = TestPlayer.register().bearer();

        given().get(PATH).then().statusCode(401);
        given().post(PATH + "/" + id + "/replay").then().statusCode(401);
        given().delete(PATH + "/" + id).then().statusCode(401);
        given().header("Authorization", player).get(PATH).then().statusCode(403).body("code", equalTo("forbidden"));
        given().header("Authorization", player).post(PATH + "/" + id + "/replay").then().statusCode(403);
        given().header("Authorization", player).delete(PATH + "/" + id).then().statusCode(403);
        assertEquals(1, list().getInt("total"), "nothing changed");
    }
}
