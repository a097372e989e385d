package com.langomni.gateway.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.langomni.gateway.service.RedisFanout;
import com.langomni.gateway.support.FakeOrchestrator;
import com.langomni.gateway.support.FakeOrchestratorResource;
import com.langomni.gateway.support.TestSocket;
import com.langomni.support.metrics.PrometheusText;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

@QuarkusTest
@WithTestResource(FakeOrchestratorResource.class)
class HealthTests {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Vertx vertx;

    @Inject
    RedisFanout fanout;

    FakeOrchestrator orchestrator;

    @AfterEach
    void restore() {
        orchestrator.start();
    }

    @Test
    void isReadyWithRedisAndTheFanoutSubscriptionUp() {
        await().atMost(TestSocket.WAIT).until(fanout::isActive);

        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'redis-fanout' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'orchestrator' }.data.orchestrator", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Redis")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void staysReadyButReportsAnUnreachableOrchestrator() {
        orchestrator.stop();

        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'orchestrator' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'orchestrator' }.data.orchestrator", equalTo("DOWN"));
    }

    @Test
    void exposesSocketGaugesWithoutPlayerIds() {
        String player = "metric-" + UUID.randomUUID();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            String metrics = given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("langomni_gateway_sockets_open"))
                    .body(containsString("langomni_gateway_players_online"))
                    .extract().asString();
            assertFalse(metrics.contains(player), "player ids must not become labels");
            PrometheusText samples = PrometheusText.parse(metrics);
            assertTrue(samples.has("langomni_gateway_sockets_open"), "sockets gauge present");
            assertTrue(samples.sum("langomni_gateway_sockets_open") >= 1, "counts the open socket");
        }
    }

    @Test
    void servesOpenApiAndThePlayerPage() {
        given().get("/q/openapi").then().statusCode(200);
        given().get("/").then().statusCode(200).body(containsString("LangOmni Adventure"));
    }
}
