package com.langomni.npc.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Importance and reflection without any NPC replica (the default test config): memory-service is told to use its
 * own heuristic and to try reflecting later, at once; bad input is a 400.
 */
@QuarkusTest
class MemoryInsightResourceTests {

    static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/npc/" + path).then();
    }

    static final String REFLECT = """
            {"ownerId":"npc:brann","memories":[{"id":"m-1","text":"Ada said to me: \\"my sister is Mira\\""},
             {"id":"m-2","text":"Ada gave me an iron ingot."}]}""";

    @Test
    void withoutAModelImportanceIsLeftToTheCallersHeuristic() {
        post("importance", "{\"text\":\"Ada attacked me with a spear.\"}").statusCode(200)
                .body("importance", equalTo(0))
                .body("source", equalTo("rules"))
                .body("usage.promptTokens", equalTo(0))
                .body("usage.completionTokens", equalTo(0));
        // answered for want of a model, not after waiting out a model's timeout
        given().when().get("/q/metrics").then().body(containsString(
                "langomni_npc_insight_requests_total{kind=\"importance\",reason=\"no_llm\",source=\"rules\"}"));
    }

    @Test
    void withoutAModelThereIsNoReflection() {
        post("reflect", REFLECT).statusCode(200)
                .body("reflections", empty())
                .body("source", equalTo("rules"))
                .body("usage.promptTokens", equalTo(0))
                .body("usage.completionTokens", equalTo(0));
        given().when().get("/q/metrics").then().body(containsString(
                "langomni_npc_insight_requests_total{kind=\"reflect\",reason=\"no_llm\",source=\"rules\"}"));
    }

    @Test
    void badImportanceRequestsAre400() {
        for (String body : new String[] {"{}", "{\"text\":\"  \"}", "{\"text\":", "[1]", "null"}) {
            post("importance", body).statusCode(400).body("code", equalTo("bad_request"));
        }
    }

    @Test
    void badReflectRequestsAre400() {
        post("reflect", "{\"memories\":[{\"id\":\"m\",\"text\":\"x\"}]}").statusCode(400)
                .body("code", equalTo("bad_request")).body("message", equalTo("ownerId is required"));
        post("reflect", "{\"ownerId\":\"npc:brann\",\"memories\":[]}").statusCode(400)
                .body("message", equalTo("memories must name at least one memory"));
        post("reflect", "{\"ownerId\":\"npc:brann\",\"memories\":[{\"text\":\"x\"}]}").statusCode(400)
                .body("message", equalTo("memories[0].id is required"));
        post("reflect", "{\"ownerId\":\"npc:brann\",\"memories\":\"m-1\"}").statusCode(400)
                .body("code", equalTo("bad_request"));
        String tooMany = "{\"ownerId\":\"npc:brann\",\"memories\":["
                + "{\"id\":\"m\",\"text\":\"x\"},".repeat(200) + "{\"id\":\"m\",\"text\":\"x\"}]}";
        post("reflect", tooMany).statusCode(400).body("message", equalTo("at most 200 memories per request, got 201"));
    }
}
