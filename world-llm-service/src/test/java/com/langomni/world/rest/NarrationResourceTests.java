package com.langomni.world.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.narration.FallbackReason;
import com.langomni.api.narration.NarrationChunk;
import com.langomni.testkit.OversizedPost;
import com.langomni.testkit.ServiceMetrics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NarrationResourceTests {

    private static final String LOOK = """
            {"actionId":"a1","intent":"look","success":true,"outcome":"You look around.",
             "facts":{},"player":{"id":"p1","name":"Ada","locationId":"forge","hp":20,"maxHp":20,"inventory":[]},
             "location":{"id":"forge","name":"the Forge","description":"A hot, loud place.",
                         "exits":[{"direction":"north","to":"square","name":"Market Square","locked":false}],
                         "items":[{"id":"sword","name":"rusty sword"}],"npcs":[],"creatures":[],"players":[]},
             "recent":[],"playerText":"look"}
            """;

    @TestHTTPResource("/api/narrate/stream")
    URI stream;

    @TestHTTPResource("/api/narrate")
    URI oversized;

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/narrate").then();
    }

    @Test
    void narratesWithTheRuleNarrator() {
        post(LOOK).statusCode(200)
                .body("source", equalTo("rules"))
                .body("text", containsString("A hot, loud place."))
                .body("text", containsString("north to Market Square"))
                .body("text", containsString("rusty sword"));
    }

    @Test
    void aMissingIntentIsABadRequest() {
        post("{\"outcome\":\"You look.\"}").statusCode(400)
                .body("code", equalTo("bad_request")).body("message", equalTo("intent is required"));
    }

    @Test
    void aMissingOutcomeIsABadRequest() {
        post("{\"intent\":\"look\",\"outcome\":\"  \"}").statusCode(400)
                .body("code", equalTo("bad_request")).body("message", equalTo("outcome is required"));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        post("{\"intent\":\"look\",").statusCode(400).body("code", equalTo("bad_request"))
                .body("message", containsString("malformed JSON"));
    }

    @Test
    void aWronglyTypedFieldIsABadRequest() {
        post("{\"intent\":\"look\",\"outcome\":\"x\",\"facts\":[1,2]}").statusCode(400)
                .body("code", equalTo("bad_request")).body("message", containsString("malformed JSON"));
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        given().contentType(ContentType.JSON).when().post("/api/narrate").then().statusCode(400)
                .body("code", equalTo("bad_request"));
    }

    @Test
    void aWrongMediaTypeGetsAnErrorBody() {
        given().contentType(ContentType.TEXT).body("look").when().post("/api/narrate").then().statusCode(415)
                .body("code", equalTo("bad_request"));
    }

    @Test
    void anOversizedBodyIsRefusedAndNarrationGoesOn() {
        assertEquals(413,
                OversizedPost.status(oversized, "{\"intent\":\"look\",\"outcome\":\"" + "x".repeat(300_000) + "\"}"));

        post(LOOK).statusCode(200).body("text", containsString("the Forge"));
    }

    @Test
    void narrationsAreCountedByBackendAndClampedIntent() {
        String narrations = "langomni_world_narrations_total{backend=\"rules\",intent=\"unknown\",source=\"rules\"}";
        String fallbacks = "langomni_world_narration_fallbacks_total{after_deltas=\"false\",reason=\"disabled\"}";
        String timed = "langomni_world_narration_duration_seconds_count{backend=\"rules\"}";
        double[] before = {ServiceMetrics.value(narrations), ServiceMetrics.value(fallbacks),
            ServiceMetrics.value(timed)};

        post(LOOK.replace("\"intent\":\"look\"", "\"intent\":\"dance-wildly\"")).statusCode(200)
                .body("text", startsWith("You look around."));

        assertEquals(before[0] + 1, ServiceMetrics.value(narrations));
        assertEquals(before[1] + 1, ServiceMetrics.value(fallbacks), "no LLM: the rules narrate by design");
        assertEquals(before[2] + 1, ServiceMetrics.value(timed));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(not(containsString("dance-wildly")))
                .body(not(containsString("langomni_llm_backend_up")));
    }

    @Test
    void readinessNamesTheBackend() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'narration' }.data.backend", equalTo("rules"));
    }

    @Test
    void theApiIsDescribed() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/narrate"))
                .body(containsString("/api/narrate/stream")).body(containsString("/api/backends"));
    }

    @Test
    void withoutAModelTheStreamIsOneFinalRulesChunk() {
        Sse.Result r = Sse.post(stream, LOOK);
        assertEquals(200, r.status());
        assertEquals(1, r.chunks().size(), r.body());
        NarrationChunk last = r.last();
        assertTrue(last.done());
        assertEquals("rules", last.source());
        assertEquals(FallbackReason.DISABLED, last.fallbackReason());
        assertTrue(last.text().contains("A hot, loud place."), last.text());
        assertEquals(0, last.usage().completionTokens());
    }

    @Test
    void aStreamWithAMissingOutcomeIsABadRequest() {
        given().contentType(ContentType.JSON).body("{\"intent\":\"look\"}").when().post("/api/narrate/stream")
                .then().statusCode(400).body("code", equalTo("bad_request"))
                .body("message", equalTo("outcome is required"));
    }

    @Test
    void withoutAModelThereAreNoBackends() {
        given().when().get("/api/backends").then().statusCode(200).body("size()", equalTo(0));
    }
}
