package com.langomni.memory.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EmbeddingResourceTests {

    private static final List<String> SMITH_LINES = List.of(
            "The mine north of town closed after the collapse last winter.",
            "I forge the finest swords and daggers in the valley; a good blade needs Kessel steel.",
            "My daughter Mira runs the bakery by the square.",
            "Wolves have been coming down from the hills at night.",
            "The mayor owes me for three sets of hinges.");

    @Test
    void rankPicksTheSwordLineForBlades() {
        List<Map<String, Object>> ranked = given().contentType(ContentType.JSON)
                .body(Map.of("query", "tell me about blades", "candidates", SMITH_LINES))
                .when().post("/api/embeddings/rank")
                .then().statusCode(200)
                .body("$", hasSize(SMITH_LINES.size()))
                .body("[0].index", equalTo(1))
                .body("[0].text", equalTo(SMITH_LINES.get(1)))
                .body("index", containsInAnyOrder(0, 1, 2, 3, 4))
                .extract().path("$");
        for (int i = 1; i < ranked.size(); i++) {
            assertTrue(score(ranked.get(i - 1)) >= score(ranked.get(i)), "best first");
        }
    }

    @Test
    void cachedCandidatesRankTheSameAndLimitCutsTheList() {
        Map<String, Object> body = Map.of("query", "are there wolves around?", "candidates", SMITH_LINES, "limit", 2);
        List<Map<String, Object>> first = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/embeddings/rank")
                .then().statusCode(200).body("$", hasSize(2)).body("[0].index", equalTo(3))
                .extract().path("$");
        List<Map<String, Object>> second = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/embeddings/rank")
                .then().statusCode(200).extract().path("$");
        assertEquals(first, second);
    }

    @Test
    void aLimitAboveTheCandidateCountReturnsThemAll() {
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "bread", "candidates", SMITH_LINES, "limit", 100))
                .when().post("/api/embeddings/rank")
                .then().statusCode(200).body("$", hasSize(SMITH_LINES.size())).body("[0].index", equalTo(2));
    }

    @Test
    void duplicateCandidatesKeepTheirOwnIndex() {
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "bread", "candidates", List.of("bread and cakes", "iron ore", "bread and cakes")))
                .when().post("/api/embeddings/rank")
                .then().statusCode(200).body("index", contains(0, 2, 1));
    }

    @Test
    void invalidRankRequestsAre400() {
        assertBad(Map.of("query", " ", "candidates", SMITH_LINES), "bad_request", "query must not be blank");
        assertBad(Map.of("candidates", SMITH_LINES), "bad_request", "query must not be blank");
        assertBad(Map.of("query", "swords", "candidates", List.of()), "bad_request", "candidates must not be empty");
        assertBad(Map.of("query", "swords"), "bad_request", "candidates must not be empty");
        assertBad(Map.of("query", "swords", "candidates", Collections.nCopies(257, "a line")), "too_large",
                "at most 256 candidates are ranked");
        assertBad(Map.of("query", "swords", "candidates", List.of("fine", "x".repeat(2001))), "too_large",
                "candidates[1] is longer than 2000 characters");
        assertBad(Map.of("query", "s".repeat(2001), "candidates", SMITH_LINES), "too_large",
                "query is longer than 2000 characters");
        assertBad(Map.of("query", "swords", "candidates", List.of("fine", " ")), "bad_request",
                "candidates[1] must not be blank");
        List<String> withNull = new ArrayList<>(List.of("fine"));
        withNull.add(null);
        Map<String, Object> nullCandidate = new HashMap<>(Map.of("query", "swords"));
        nullCandidate.put("candidates", withNull);
        assertBad(nullCandidate, "bad_request", "candidates[1] must not be blank");
        assertBad(Map.of("query", "swords", "candidates", SMITH_LINES, "limit", 0), "bad_request",
                "limit must be at least 1");
        given().contentType(ContentType.JSON).body("{\"query\": [")
                .when().post("/api/embeddings/rank")
                .then().statusCode(400).body("code", equalTo("bad_request"));
    }

    @Test
    void exactlyTheMaximumNumberOfCandidatesIsAccepted() {
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            candidates.add("knowledge line number " + i);
        }
        given().contentType(ContentType.JSON).body(Map.of("query", "line 42", "candidates", candidates, "limit", 3))
                .when().post("/api/embeddings/rank")
                .then().statusCode(200).body("$", hasSize(3));
    }

    private static void assertBad(Map<String, Object> body, String code, String message) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/embeddings/rank")
                .then().statusCode(400).body("code", equalTo(code)).body("message", equalTo(message));
    }

    private static double score(Map<String, Object> ranked) {
        return ((Number) ranked.get("score")).doubleValue();
    }
}
