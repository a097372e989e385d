package com.langomni.memory.rest;

import com.langomni.testkit.OversizedPost;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MemoryResourceTests {

    @TestHTTPResource("/api/memories")
    URI memories;

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndWritesGoOn() {
        String owner = newOwner();
        String big = "{\"ownerId\":\"" + owner + "\",\"kind\":\"observation\",\"text\":\"" + "x".repeat(300_000) + "\"}";

        // quarkus.http.limits.max-body-size=256K
        assertEquals(413, OversizedPost.status(memories, big));

        write(owner, "The smith hums while he works", 3, null);
        given().when().get("/api/memories/count?owner=" + owner).then().statusCode(200).body("count", equalTo(1));
        assertEquals(413, OversizedPost.status(memories, big));
    }

    private static String newOwner() {
        return "npc:test-" + UUID.randomUUID();
    }

    private static String write(String owner, String text, Integer importance, Long createdAt) {
        Map<String, Object> body = new HashMap<>(Map.of("ownerId", owner, "kind", "observation", "text", text));
        if (importance != null) {
            body.put("importance", importance);
        }
        if (createdAt != null) {
            body.put("createdAt", createdAt);
        }
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/memories")
                .then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void writeReturnsTheStoredRecord() {
        String owner = newOwner();
        long before = System.currentTimeMillis();
        given().contentType(ContentType.JSON)
                .body(Map.of("ownerId", owner, "kind", "conversation", "text", "The player asked about the mines",
                        "importance", 4))
                .when().post("/api/memories")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("ownerId", equalTo(owner))
                .body("kind", equalTo("conversation"))
                .body("text", equalTo("The player asked about the mines"))
                .body("importance", equalTo(4))
                .body("createdAt", greaterThanOrEqualTo(before))
                .body("lastAccessAt", greaterThanOrEqualTo(before))
                .body("usage.promptTokens", equalTo(0)) // importance given: no LLM asked
                .body("usage.completionTokens", equalTo(0));
    }

    @Test
    void importanceIsScoredWhenNotGiven() {
        String owner = newOwner();
        given().contentType(ContentType.JSON)
                .body(Map.of("ownerId", owner, "kind", "observation", "text", "The player killed my brother"))
                .when().post("/api/memories")
                .then().statusCode(201).body("importance", equalTo(9))
                .body("usage.promptTokens", equalTo(0)) // the heuristic: no LLM tokens
                .body("usage.completionTokens", equalTo(0));
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("ownerId", owner, "kind", "observation", "text", "nice weather"))
                .when().post("/api/memories")
                .then().statusCode(201).body("importance", equalTo(1))
                .body("usage.promptTokens", equalTo(0))
                .extract().path("id");
        // usage belongs to the write's answer only
        given().when().get("/api/memories/" + id).then().statusCode(200).body("$", not(hasKey("usage")));
        given().queryParam("owner", owner).when().get("/api/memories").then().statusCode(200)
                .body("[0]", not(hasKey("usage")));
    }

    @Test
    void searchFindsTheSemanticallyRightMemory() {
        String owner = newOwner();
        write(owner, "I sold bread to a traveller this morning", null, null);
        write(owner, "It rained all day over the harbour", null, null);
        String sword = write(owner, "the player gave me a sword", null, null);
        write(owner, "A wolf was seen near the old mill", null, null);
        write(owner, "The mayor's daughter sings in the square", null, null);

        List<Map<String, Object>> hits = given().contentType(ContentType.JSON)
                .body(Map.of("ownerId", owner, "query", "weapon gift"))
                .when().post("/api/memories/search")
                .then().statusCode(200)
                .body("$", hasSize(5))
                .body("[0].memory.id", equalTo(sword))
                .body("[0].memory.text", equalTo("the player gave me a sword"))
                .extract().path("$");
        double best = ((Number) hits.get(0).get("relevance")).doubleValue();
        for (Map<String, Object> hit : hits.subList(1, hits.size())) {
            assertTrue(((Number) hit.get("relevance")).doubleValue() < best, "the sword line is the most relevant");
            assertTrue(((Number) hit.get("score")).doubleValue() <= ((Number) hits.get(0).get("score")).doubleValue());
        }

        given().contentType(ContentType.JSON)
                .body(Map.of("ownerId", owner, "query", "weapon gift", "limit", 2))
                .when().post("/api/memories/search")
                .then().statusCode(200).body("$", hasSize(2)).body("[0].memory.id", equalTo(sword));
    }

    @Test
    void searchUpdatesLastAccessOfTheReturnedMemories() {
        String owner = newOwner();
        long longAgo = System.currentTimeMillis() - 48 * 3_600_000L;
        String id = write(owner, "The blacksmith owes me ten gold coins", 6, longAgo);

        given().contentType(ContentType.JSON)
                .body(Map.of("ownerId", owner, "query", "money the smith owes", "limit", 1))
                .when().post("/api/memories/search")
                .then().statusCode(200)
                .body("[0].memory.id", equalTo(id))
                .body("[0].memory.createdAt", equalTo(longAgo))
                .body("[0].memory.lastAccessAt", greaterThan(longAgo));

        long listed = given().queryParam("owner", owner).when().get("/api/memories")
                .then().statusCode(200).extract().jsonPath().getLong("[0].lastAccessAt");
        assertTrue(listed > longAgo + 47 * 3_600_000L, "the access is visible to later reads");
    }

    @Test
    void searchOfAnOwnerWithoutMemoriesIsEmpty() {
        given().contentType(ContentType.JSON)
                .body(Map.of("ownerId", newOwner(), "query", "anything"))
                .when().post("/api/memories/search")
                .then().statusCode(200).body("$", emptyIterable());
    }

    @Test
    void searchLimitDefaultsToFiveAndIsCappedAtFifty() {
        String owner = newOwner();
        for (int i = 0; i < 7; i++) {
            write(owner, "Memory number " + i + " about the harbour", 3, null);
        }
        given().contentType(ContentType.JSON).body(Map.of("ownerId", owner, "query", "harbour"))
                .when().post("/api/memories/search")
                .then().statusCode(200).body("$", hasSize(5));
        for (int bad : new int[] {0, 51}) {
            given().contentType(ContentType.JSON).body(Map.of("ownerId", owner, "query", "harbour", "limit", bad))
                    .when().post("/api/memories/search")
                    .then().statusCode(400).body("code", equalTo("bad_request"))
                    .body("message", equalTo("limit must be between 1 and 50"));
        }
    }

    @Test
    void listIsNewestFirstAndLimited() {
        String owner = newOwner();
        String oldest = write(owner, "first", 2, 1_000L);
        String middle = write(owner, "second", 2, 2_000L);
        String newest = write(owner, "third", 2, 3_000L);
        given().queryParam("owner", owner).when().get("/api/memories")
                .then().statusCode(200).body("id", contains(newest, middle, oldest));
        given().queryParam("owner", owner).queryParam("limit", 2).when().get("/api/memories")
                .then().statusCode(200).body("id", contains(newest, middle));
    }

    @Test
    void countAndDeleteByOwner() {
        String owner = newOwner();
        String other = newOwner();
        write(owner, "one", 2, null);
        write(owner, "two", 2, null);
        write(other, "three", 2, null);

        given().queryParam("owner", owner).when().get("/api/memories/count")
                .then().statusCode(200).body("owner", equalTo(owner)).body("count", equalTo(2));
        given().queryParam("owner", owner).when().delete("/api/memories")
                .then().statusCode(200).body("owner", equalTo(owner)).body("deleted", equalTo(2));
        given().queryParam("owner", owner).when().get("/api/memories/count")
                .then().statusCode(200).body("count", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("ownerId", owner, "query", "one"))
                .when().post("/api/memories/search")
                .then().statusCode(200).body("$", emptyIterable());
        given().queryParam("owner", owner).when().delete("/api/memories")
                .then().statusCode(200).body("deleted", equalTo(0));
        given().queryParam("owner", other).when().get("/api/memories/count")
                .then().statusCode(200).body("count", equalTo(1));
    }

    @Test
    void oneMemoryIsReadAndDeletedById() {
        String owner = newOwner();
        String id = write(owner, "The stranger paid for my ale", 4, 7_000L);
        String other = write(owner, "The harbour froze over", 2, 8_000L);

        given().when().get("/api/memories/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("ownerId", equalTo(owner))
                .body("text", equalTo("The stranger paid for my ale"))
                .body("importance", equalTo(4))
                .body("createdAt", equalTo(7_000))
                .body("lastAccessAt", equalTo(7_000));

        given().when().delete("/api/memories/" + id).then().statusCode(204);
        given().when().get("/api/memories/" + id)
                .then().statusCode(404).body("code", equalTo("not_found")).body("message", equalTo("no memory " + id));
        given().when().delete("/api/memories/" + id).then().statusCode(404).body("code", equalTo("not_found"));
        given().queryParam("owner", owner).when().get("/api/memories")
                .then().statusCode(200).body("id", contains(other));
    }

    @Test
    void anUnknownMemoryIdIs404() {
        given().when().get("/api/memories/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("not_found"));
        given().when().delete("/api/memories/" + UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void deleteBySubjectErasesEveryMemoryAboutThePlayer() {
        String player = UUID.randomUUID().toString();
        String npc = newOwner();
        Map<String, Object> aboutPlayer = new java.util.HashMap<>(Map.of("ownerId", npc, "kind", "conversation",
                "text", "The stranger said their sister is Mira", "subjectId", player));
        given().contentType(ContentType.JSON).body(aboutPlayer).when().post("/api/memories")
                .then().statusCode(201).body("subjectId", equalTo(player)).body("evidence", emptyIterable());
        given().contentType(ContentType.JSON)
                .body(Map.of("ownerId", "player:" + player, "kind", "observation", "text", "You met the smith",
                        "subjectId", player))
                .when().post("/api/memories").then().statusCode(201);
        write(npc, "Someone else passed by", 2, null);

        given().queryParam("subject", player).when().delete("/api/memories")
                .then().statusCode(200).body("subject", equalTo(player)).body("deleted", equalTo(2));
        given().queryParam("owner", npc).when().get("/api/memories/count").then().body("count", equalTo(1));
        given().queryParam("subject", " ").when().delete("/api/memories")
                .then().statusCode(400).body("code", equalTo("bad_request"));
        given().queryParam("subject", player).queryParam("owner", npc).when().delete("/api/memories")
                .then().statusCode(400).body("message", equalTo("give owner or subject, not both"));
        given().when().delete("/api/memories").then().statusCode(400).body("message", equalTo("owner is required"));
    }

    @Test
    void badSubjectOrEvidenceIs400() {
        given().contentType(ContentType.JSON)
                .body(Map.of("ownerId", newOwner(), "kind", "observation", "text", "x", "subjectId", "two words"))
                .when().post("/api/memories").then().statusCode(400).body("code", equalTo("bad_request"));
        given().contentType(ContentType.JSON)
                .body(Map.of("ownerId", newOwner(), "kind", "reflection", "text", "x",
                        "evidence", java.util.Collections.nCopies(101, "id")))
                .when().post("/api/memories").then().statusCode(400).body("message", equalTo("at most 100 evidence ids"));
    }

    @Test
    void statsReportTheEmbeddedStore() {
        String owner = "player:" + UUID.randomUUID();
        write(owner, "I arrived in the village", null, null);
        given().when().get("/api/memories/stats")
                .then().statusCode(200)
                .body("memories", greaterThanOrEqualTo(1))
                .body("owners", greaterThanOrEqualTo(1))
                .body("store", equalTo("embedded"))
                .body("kinds.observation", greaterThanOrEqualTo(1))
                .body("kinds.conversation", greaterThanOrEqualTo(0))
                .body("kinds.reflection", greaterThanOrEqualTo(0))
                .body("dimension", equalTo(384));
    }

    @Test
    void invalidWritesAre400WithAnErrorBody() {
        String owner = newOwner();
        assertBadWrite(Map.of("kind", "observation", "text", "x"), "bad_request", "owner is required");
        assertBadWrite(Map.of("ownerId", " ", "kind", "observation", "text", "x"), "bad_request", "owner is required");
        assertBadWrite(Map.of("ownerId", "smith", "kind", "observation", "text", "x"), "bad_request",
                "owner must be npc:<npcId> or player:<playerId>");
        assertBadWrite(Map.of("ownerId", owner, "kind", "observation", "text", "  "), "bad_request",
                "text must not be blank");
        assertBadWrite(Map.of("ownerId", owner, "kind", "dream", "text", "x"), "bad_request",
                "kind must be one of observation, conversation, reflection");
        assertBadWrite(Map.of("ownerId", owner, "text", "x"), "bad_request",
                "kind must be one of observation, conversation, reflection");
        assertBadWrite(Map.of("ownerId", owner, "kind", "observation", "text", "x", "importance", 0), "bad_request",
                "importance must be between 1 and 10");
        assertBadWrite(Map.of("ownerId", owner, "kind", "observation", "text", "x", "importance", 11), "bad_request",
                "importance must be between 1 and 10");
        assertBadWrite(Map.of("ownerId", owner, "kind", "observation", "text", "x", "createdAt", -5), "bad_request",
                "createdAt must be epoch millis >= 0");
        assertBadWrite(Map.of("ownerId", owner, "kind", "observation", "text", "x".repeat(2001)), "too_large",
                "text is longer than 2000 characters");
        given().queryParam("owner", owner).when().get("/api/memories/count").then().body("count", equalTo(0));
    }

    @Test
    void malformedBodiesAre400WithAnErrorBody() {
        for (String body : List.of("{\"ownerId\": \"npc:x\", ", "not json", "[1,2]",
                "{\"ownerId\":\"npc:x\",\"kind\":\"observation\",\"text\":\"x\",\"importance\":\"high\"}")) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/memories")
                    .then().statusCode(400)
                    .body("code", equalTo("bad_request"))
                    .body("message", startsWith("malformed JSON body"));
        }
        given().contentType(ContentType.JSON)
                .when().post("/api/memories")
                .then().statusCode(400).body("code", equalTo("bad_request"))
                .body("message", equalTo("a JSON body is required"));
        given().contentType(ContentType.JSON).body("{\"ownerId\": ")
                .when().post("/api/memories/search")
                .then().statusCode(400).body("code", equalTo("bad_request"));
    }

    @Test
    void invalidSearchesAndQueriesAre400() {
        String owner = newOwner();
        assertBadSearch(Map.of("query", "x"), "owner is required");
        assertBadSearch(Map.of("ownerId", owner, "query", " "), "query must not be blank");
        assertBadSearch(Map.of("ownerId", owner), "query must not be blank");
        given().contentType(ContentType.JSON).body(Map.of("ownerId", owner, "query", "q".repeat(2001)))
                .when().post("/api/memories/search")
                .then().statusCode(400).body("code", equalTo("too_large"));

        given().when().get("/api/memories").then().statusCode(400).body("message", equalTo("owner is required"));
        given().queryParam("owner", owner).queryParam("limit", "abc").when().get("/api/memories")
                .then().statusCode(400).body("message", equalTo("limit must be a number"));
        given().queryParam("owner", owner).queryParam("limit", 1001).when().get("/api/memories")
                .then().statusCode(400).body("message", equalTo("limit must be between 1 and 1000"));
        given().when().get("/api/memories/count").then().statusCode(400).body("code", equalTo("bad_request"));
        given().queryParam("owner", "nobody").when().delete("/api/memories")
                .then().statusCode(400).body("code", equalTo("bad_request"));
    }

    @Test
    void unknownPathsAndMethodsGetAnErrorBody() {
        given().when().get("/api/memories/nope/deeper").then().statusCode(404).body("code", equalTo("not_found"));
        given().contentType(ContentType.TEXT).body("hello").when().post("/api/memories")
                .then().statusCode(415).body("code", equalTo("bad_request"));
    }

    private static void assertBadWrite(Map<String, Object> body, String code, String message) {
        String actual = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/memories")
                .then().statusCode(400).body("code", equalTo(code))
                .extract().path("message");
        assertEquals(message, actual);
    }

    private static void assertBadSearch(Map<String, Object> body, String message) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/memories/search")
                .then().statusCode(400).body("code", equalTo("bad_request")).body("message", equalTo(message));
    }
}
