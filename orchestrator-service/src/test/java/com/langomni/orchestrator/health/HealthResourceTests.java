package com.langomni.orchestrator.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.langomni.orchestrator.support.Scrape;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthResourceTests {

    @Test
    void simpleHealthIsUp() {
        given().get("/api/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void detailedHealthIsForAdminsOnly() {
        given().get("/api/health/detailed").then().statusCode(401).body("code", equalTo("unauthorized"));
        TestPlayer player = TestPlayer.register();
        player.get("/api/health/detailed").then().statusCode(403).body("code", equalTo("forbidden"));
    }

    @Test
    void detailedHealthShowsStoresUpAndAbsentServicesDownInCodesOnly() {
        String body = given().header("Authorization", TestAdmin.bearer()).get("/api/health/detailed").then()
                .statusCode(200)
                .body("status", equalTo("DEGRADED"))
                .body("components.orchestrator.status", equalTo("UP"))
                .body("components.postgresql.status", equalTo("UP"))
                .body("components.redis.status", equalTo("UP"))
                .body("components.redis.detail", startsWith("PING"))
                .body("components.world-llm.status", equalTo("DOWN"))
                .body("components.world-llm.detail", equalTo("unreachable"))
                .body("components.npc-llm.status", equalTo("DOWN"))
                .body("components.memory.status", equalTo("DOWN"))
                .body("components.gateway.status", equalTo("DOWN"))
                .body("components.postgresql.latencyMs", greaterThanOrEqualTo(0))
                .extract().asString();
        // the services are configured at http://127.0.0.1:1: no address, port or exception text comes back
        assertFalse(body.contains("127.0.0.1") || body.contains("Exception") || body.contains("refused"), body);
    }

    @Test
    void readinessCoversPostgresqlAndRedis() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "Reactive PostgreSQL connections health check", "Redis connection health check"));
    }

    @Test
    void metricsCountActions() {
        Scrape before = Scrape.now();
        TestPlayer.register().ok("look");
        Scrape after = Scrape.now();
        String[] look = {"intent", "look", "outcome", "applied"};
        assertEquals(before.value("langomni_actions_total", look) + 1, after.value("langomni_actions_total", look));
        assertEquals(before.value("langomni_narrations_total", "source", "rules") + 1,
                after.value("langomni_narrations_total", "source", "rules"), "no LLM service here: the rules narrate");
        assertEquals(before.value("langomni_action_duration_seconds_count") + 1,
                after.value("langomni_action_duration_seconds_count"));
    }

    @Test
    void openApiDescribesTheGameApi() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body(containsString("/api/game/action"))
                .body(containsString("/api/auth/register"));
    }
}
