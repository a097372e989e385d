package com.langomni.orchestrator.admin.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The admin API with the default test services: world-llm refuses connections and npc-llm hangs, so both are
 * reported DOWN within the short backends timeout, and their backends are simply absent.
 */
@QuarkusTest
class AdminDashboardResourceTests {

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/metrics/gpu", "/api/admin/metrics/cache"})
    void withoutATokenItIs401(String path) {
        given().get(path).then().statusCode(401).body("code", equalTo("unauthorized"));
        given().header("Authorization", "Bearer forged.token").get(path).then().statusCode(401)
                .body("code", equalTo("unauthorized"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/metrics/gpu", "/api/admin/metrics/cache"})
    void aPlayersTokenIs403(String path) {
        TestPlayer.register().get(path).then().statusCode(403).body("code", equalTo("forbidden"));
    }

    @Test
    void deadLlmServicesAreReportedDown() {
        given().header("Authorization", TestAdmin.bearer()).get("/api/admin/metrics/gpu").then()
                .statusCode(200)
                .body("services.world-llm", equalTo("DOWN"))
                .body("services.npc-llm", equalTo("DOWN"))
                .body("backends", empty())
                .body("collectedAt", greaterThan(0L));
    }

    @Test
    void cacheFiguresAreServed() {
        given().header("Authorization", TestAdmin.bearer()).get("/api/admin/metrics/cache").then()
                .statusCode(200)
                .body("hits", notNullValue())
                .body("misses", notNullValue())
                .body("hitRate", notNullValue())
                .body("entries", notNullValue())
                .body("ttlSeconds", equalTo(600));
    }
}
