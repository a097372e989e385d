package com.langomni.orchestrator.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.FakeMemoryService;
import com.langomni.orchestrator.support.TestGateways;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.testkit.ServiceAuthChecks;
import com.langomni.testkit.ServiceAuthRestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway's way in ({@code /internal/**}) wants a service token on top of the player's own; the players' /api
 * (bearer tokens, forwarded by the gateway) and the probes do not.
 */
@QuarkusTest
class ServiceAuthTests {

    @Test
    void theGatewaysEndpointsNeedAServiceTokenBesideThePlayersOwn() {
        TestPlayer player = TestPlayer.register();
        String bearer = player.bearer();
        ServiceAuthChecks.assertGuarded(r -> r.header("Authorization", bearer)
                .post(TestGateways.session(player.id(), "open")), 200);
        ServiceAuthChecks.assertGuarded(r -> r.header("Authorization", bearer)
                .get("/internal/sessions/" + player.id() + "/frames?after=0"), 200);
        ServiceAuthChecks.assertGuarded(r -> r.header("Authorization", bearer).contentType(ContentType.JSON)
                .body(Map.of("id", UUID.randomUUID().toString(), "text", "look")).post("/internal/actions"), 200);
        ServiceAuthChecks.assertGuarded(r -> r.header("Authorization", bearer)
                .post(TestGateways.session(player.id(), "close")), 204);
    }

    @Test
    void aPlayersTokenAloneDoesNotOpenTheInternalEndpoints() {
        TestPlayer player = TestPlayer.register();
        ServiceAuthRestAssured.withoutToken().header("Authorization", player.bearer())
                .post(TestGateways.session(player.id(), "open")).then().statusCode(401)
                .body("code", equalTo("unauthorized"));
        ServiceAuthRestAssured.withoutToken().header("Authorization", player.bearer()).contentType(ContentType.JSON)
                .body(Map.of("id", "a1", "text", "look")).post("/internal/actions").then().statusCode(401);
        ServiceAuthRestAssured.withoutToken().post("/internal/gateways/" + TestGateways.OTHER + "/heartbeat")
                .then().statusCode(401);
    }

    @Test
    void thePlayersApiNeedsNoServiceToken() {
        ServiceAuthRestAssured.withoutToken().get("/api/health").then().statusCode(200);
        TestPlayer player = TestPlayer.register();
        ServiceAuthRestAssured.withoutToken().header("Authorization", player.bearer()).contentType(ContentType.JSON)
                .body(Map.of("id", UUID.randomUUID().toString(), "text", "look")).post("/api/game/action")
                .then().statusCode(200);
        ServiceAuthRestAssured.withoutToken().header("Authorization", player.bearer())
                .get("/api/game/player/" + player.id()).then().statusCode(200);
    }

    @Test
    void probesAreOpenAndEverythingElseIsNot() {
        ServiceAuthChecks.assertProbesOpen();
        // the test doubles of world-llm, npc-llm and memory-service live here, behind the same check: every test
        // that reaches them shows that the orchestrator's clients send a valid token
        ServiceAuthChecks.assertGuarded(r -> r.get(FakeLlmServices.WORLD + "/api/backends"), 200);
        ServiceAuthChecks.assertGuarded(r -> r.get(FakeMemoryService.PATH + "/api/memories/stats"), 200);
        given().get("/no/such/path").then().statusCode(404);
    }
}
