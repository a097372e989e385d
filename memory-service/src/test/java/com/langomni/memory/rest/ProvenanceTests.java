package com.langomni.memory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Where an NPC's memory came from travels with it through the API (write, get, list, search) and the embedded store;
 * a memory written without one has none; a malformed one is refused and nothing is stored.
 */
@QuarkusTest
class ProvenanceTests {

    private final String npc = "npc:marta-" + UUID.randomUUID();
    private final String ann = "ann-" + UUID.randomUUID();

    private static Map<String, Object> heard(int hops) {
        Map<String, Object> p = new HashMap<>(Map.of("source", "heard", "heardFrom", "brannoc", "hops", hops,
                "locationId", "ford", "happenedAt", 1_000, "eventId", "ev-wolf",
                "gist", "Ann killed the grey wolf in the Ford."));
        return p;
    }

    private Map<String, Object> gossip(Map<String, Object> provenance) {
        return new HashMap<>(Map.of("ownerId", npc, "kind", "observation", "importance", 4, "subjectId", ann,
                "visibility", "public", "text", "Brannoc Ironhand says that Ann killed the grey wolf in the Ford.",
                "provenance", provenance));
    }

    @Test
    void aHeardMemoryKeepsItsProvenanceEverywhereItIsRead() {
        String id = given().header("Idempotency-Key", "gossip:ev-wolf").contentType(ContentType.JSON)
                .body(gossip(heard(1))).when().post("/api/memories").then().statusCode(201)
                .body("provenance.source", equalTo("heard"))
                .body("provenance.heardFrom", equalTo("brannoc"))
                .extract().path("id");
        given().when().get("/api/memories/" + id).then().statusCode(200)
                .body("provenance.hops", equalTo(1))
                .body("provenance.locationId", equalTo("ford"))
                .body("provenance.happenedAt", equalTo(1_000))
                .body("provenance.eventId", equalTo("ev-wolf"))
                .body("provenance.gist", equalTo("Ann killed the grey wolf in the Ford."));
        given().queryParam("owner", npc).when().get("/api/memories").then().statusCode(200)
                .body("provenance.source", hasItem("heard"));
        given().contentType(ContentType.JSON).body(Map.of("ownerId", npc, "query", "wolf", "subjectId", "someone"))
                .when().post("/api/memories/search").then().statusCode(200)
                .body("memory.provenance.heardFrom", hasItem("brannoc"));
        // the same telling again (a round run twice) is the same memory, stored once
        given().header("Idempotency-Key", "gossip:ev-wolf").contentType(ContentType.JSON)
                .body(gossip(heard(1))).when().post("/api/memories").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        given().queryParam("owner", npc).when().get("/api/memories/count").then().body("count", equalTo(1));
    }

    @Test
    void aMemoryWrittenWithoutProvenanceHasNone() {
        String id = given().contentType(ContentType.JSON).body(Map.of("ownerId", npc, "kind", "observation",
                        "text", "The well ran dry", "importance", 3))
                .when().post("/api/memories").then().statusCode(201).extract().path("id");
        given().when().get("/api/memories/" + id).then().statusCode(200).body("provenance", nullValue());
    }

    @Test
    void aMalformedProvenanceIsRefusedAndNothingIsStored() {
        Map<String, Object> noTeller = heard(1);
        noTeller.remove("heardFrom");
        Map<String, Object> badSource = heard(1);
        badSource.put("source", "dreamt");
        Map<String, Object> longGist = heard(1);
        longGist.put("gist", "x".repeat(100_000));
        for (Map<String, Object> p : java.util.List.of(heard(-1), heard(21), noTeller, badSource, longGist)) {
            int status = given().contentType(ContentType.JSON).body(gossip(p)).when().post("/api/memories")
                    .then().extract().statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status == 400 || status == 413, p + " -> " + status);
        }
        given().queryParam("owner", npc).when().get("/api/memories/count").then().body("count", equalTo(0));
    }
}
