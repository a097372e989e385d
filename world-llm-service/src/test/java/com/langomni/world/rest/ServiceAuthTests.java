package com.langomni.world.rest;

import com.langomni.testkit.ServiceAuthChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Only LangOmni services may ask for narration: every endpoint but health and metrics wants a service token. */
@QuarkusTest
class ServiceAuthTests {

    private static final String LOOK = """
            {"actionId":"a1","intent":"look","success":true,"outcome":"You look around.","facts":{},
             "player":{"id":"p1","name":"Ada","locationId":"forge","hp":20,"maxHp":20,"inventory":[]},
             "location":{"id":"forge","name":"the Forge","description":"A hot place.","exits":[],"items":[],
                         "npcs":[],"creatures":[],"players":[]},"recent":[],"playerText":"look"}
            """;

    @Test
    void narrationNeedsAServiceToken() {
        ServiceAuthChecks.assertGuarded(r -> r.contentType(ContentType.JSON).body(LOOK).post("/api/narrate"), 200);
        ServiceAuthChecks.assertGuarded(r -> r.contentType(ContentType.JSON).body(LOOK)
                .accept("text/event-stream").post("/api/narrate/stream"), 200);
    }

    @Test
    void intentProposalsNeedAServiceToken() {
        ServiceAuthChecks.assertGuarded(r -> r.contentType(ContentType.JSON)
                .body("{\"text\":\"grab it\",\"actions\":[\"look\"]}").post("/api/intent/propose"), 200);
    }

    @Test
    void backendsNeedAServiceToken() {
        ServiceAuthChecks.assertGuarded(r -> r.get("/api/backends"), 200);
    }

    @Test
    void probesAreOpenAndEverythingElseIsNot() {
        ServiceAuthChecks.assertProbesOpen();
        ServiceAuthChecks.assertGuarded(r -> r.get("/q/openapi"), 200);
        ServiceAuthChecks.assertGuarded(r -> r.get("/no/such/path"), 404);
    }
}
