package com.langomni.memory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.memory.MemoryRecord;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.memory.config.MemoryConfig;
import com.langomni.memory.domain.RetrievalScorer;
import com.langomni.memory.repository.EmbeddedMemoryStore;
import com.langomni.memory.repository.EmbeddedStoreOptions;
import com.langomni.memory.service.EmbeddingService;
import com.langomni.memory.service.ImportanceService;
import com.langomni.memory.service.Inputs;
import com.langomni.memory.service.MemoryMetrics;
import com.langomni.memory.service.MemoryService;
import com.langomni.memory.service.ReflectionService;
import com.langomni.testkit.ServiceMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Writes with an {@code Idempotency-Key}: a repeat stores nothing and answers the first memory, also after the store
 * was closed and opened again (a restart); the key is per owner; a key reused for another memory is a conflict; a
 * malformed key is refused.
 */
@QuarkusTest
class IdempotentWriteTests {

    @Inject
    EmbeddingService embeddings;
    @Inject
    RetrievalScorer scorer;
    @Inject
    ImportanceService importance;
    @Inject
    ReflectionService reflections;
    @Inject
    Inputs inputs;
    @Inject
    MemoryMetrics metrics;
    @Inject
    MemoryConfig config;
    @Inject
    Clock clock;

    private static final String WRITES = "langomni_memory_writes_total{kind=\"observation\"}";
    private static final String REPLAYS = "langomni_memory_write_replays_total";

    private static String newOwner() {
        return "npc:idem-" + UUID.randomUUID();
    }

    private static Map<String, Object> body(String owner, String text) {
        return new HashMap<>(Map.of("ownerId", owner, "kind", "observation", "text", text, "importance", 4,
                "subjectId", "p-7"));
    }

    private static Response post(String key, Map<String, Object> body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header(MemoryWrite.IDEMPOTENCY_KEY, key);
        }
        return request.when().post("/api/memories");
    }

    private static int count(String owner) {
        return given().queryParam("owner", owner).get("/api/memories/count").then().statusCode(200)
                .extract().path("count");
    }

    @Test
    void aRepeatedKeyStoresOneMemoryAndAnswersItAgain() {
        String owner = newOwner();
        String key = "1717171717171-0";
        Response first = post(key, body(owner, "The player paid for the room"));
        first.then().statusCode(201).header(MemoryWrite.REPLAYED, nullValue());
        double written = ServiceMetrics.value(WRITES);
        double replayed = ServiceMetrics.value(REPLAYS);

        Response again = post(key, body(owner, "The player paid for the room"));
        again.then().statusCode(201).header(MemoryWrite.REPLAYED, "true")
                .body("usage.promptTokens", equalTo(0)).body("usage.completionTokens", equalTo(0));

        for (String field : new String[] {"id", "ownerId", "kind", "text", "subjectId"}) {
            assertEquals(first.path(field).toString(), again.path(field).toString(), field);
        }
        assertEquals((Integer) first.path("importance"), again.path("importance"));
        assertEquals((Long) first.jsonPath().getLong("createdAt"), again.jsonPath().getLong("createdAt"));
        assertEquals(1, count(owner));
        assertEquals(written, ServiceMetrics.value(WRITES), "nothing stored");
        assertEquals(replayed + 1, ServiceMetrics.value(REPLAYS));
    }

    @Test
    void writesWithoutAKeyAreEachStored() {
        String owner = newOwner();
        String a = post(null, body(owner, "twice the same words")).then().statusCode(201).extract().path("id");
        String b = post(null, body(owner, "twice the same words")).then().statusCode(201).extract().path("id");
        assertNotEquals(a, b);
        assertEquals(2, count(owner));
    }

    @Test
    void aKeyBelongsToItsOwner() {
        String one = newOwner();
        String other = newOwner();
        String key = "shared-" + UUID.randomUUID();
        String a = post(key, body(one, "the same event")).then().statusCode(201).extract().path("id");
        String b = post(key, body(other, "the same event")).then().statusCode(201)
                .header(MemoryWrite.REPLAYED, nullValue()).extract().path("id");
        assertNotEquals(a, b);
        assertEquals(1, count(one));
        assertEquals(1, count(other));
    }

    @Test
    void aKeyReusedForAnotherMemoryIsAConflictAndChangesNothing() {
        String owner = newOwner();
        String key = UUID.randomUUID().toString();
        String id = post(key, body(owner, "the first words")).then().statusCode(201).extract().path("id");

        post(key, body(owner, "other words")).then().statusCode(409).body("code", equalTo("conflict"));

        assertEquals(1, count(owner));
        given().get("/api/memories/" + id).then().statusCode(200).body("text", equalTo("the first words"));
    }

    @Test
    void aMalformedKeyIsABadRequestAndStoresNothing() {
        String owner = newOwner();
        for (String key : new String[] {"has space", "tab\tinside", "x".repeat(MemoryWrite.MAX_KEY_LENGTH + 1)}) {
            post(key, body(owner, "never stored")).then().statusCode(400).body("code", equalTo("bad_request"));
        }
        assertEquals(0, count(owner));
        post("x".repeat(MemoryWrite.MAX_KEY_LENGTH), body(owner, "stored")).then().statusCode(201);
    }

    /** The key lives in the store with the memory: a store opened again (a restarted service) still knows it. */
    @Test
    void theKeySurvivesARestart() throws IOException {
        Path dir = Files.createTempDirectory("idempotent-writes");
        String owner = newOwner();
        MemoryWrite write = new MemoryWrite(owner, "conversation", "Before the restart", 5, null, "p-1", null);
        String key = "key-" + UUID.randomUUID();

        MemoryRecord first;
        try (EmbeddedMemoryStore store = EmbeddedMemoryStore.open(dir, EmbeddedStoreOptions.DEFAULT)) {
            MemoryService.Written written = service(store).write(write, key);
            assertTrue(!written.replayed());
            first = written.memory();
        }
        try (EmbeddedMemoryStore reopened = EmbeddedMemoryStore.open(dir, EmbeddedStoreOptions.DEFAULT)) {
            MemoryService.Written again = service(reopened).write(write, key);
            assertTrue(again.replayed());
            assertEquals(first.id(), again.memory().id());
            assertEquals(first.createdAt(), again.memory().createdAt());
            assertEquals(1, reopened.count(owner));
        }
    }

    private MemoryService service(EmbeddedMemoryStore store) {
        return new MemoryService(store, embeddings, scorer, importance, reflections, inputs, metrics, config, clock);
    }
}
