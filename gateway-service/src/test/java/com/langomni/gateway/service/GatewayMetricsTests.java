package com.langomni.gateway.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.langomni.gateway.support.FakeOrchestrator;
import com.langomni.gateway.support.FakeOrchestratorResource;
import com.langomni.gateway.support.TestSocket;
import com.langomni.testkit.ServiceMetrics;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;

/** The gateway's meters as /q/metrics renders them, read before and after acting (meters outlive test apps). */
@QuarkusTest
@WithTestResource(FakeOrchestratorResource.class)
class GatewayMetricsTests {

    private static final String OK = "langomni_gateway_actions_total{outcome=\"ok\"}";
    private static final String BAD_REQUEST = "langomni_gateway_actions_total{outcome=\"bad_request\"}";
    private static final String TIMED = "langomni_gateway_action_duration_seconds_count";
    private static final String OPENED = "langomni_gateway_sockets_opened_total";

    @TestHTTPResource("/")
    URI base;

    @Inject
    Vertx vertx;

    @Inject
    RedisFanout fanout;

    FakeOrchestrator orchestrator;

    @Test
    void actionsAreCountedByTheAnswerThePlayerGotAndTimed() {
        String player = "metrics-" + UUID.randomUUID();
        double ok = ServiceMetrics.value(OK);
        double badRequest = ServiceMetrics.value(BAD_REQUEST);
        double timed = ServiceMetrics.value(TIMED);
        double opened = ServiceMetrics.value(OPENED);

        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            socket.send("{\"type\":\"action\",\"id\":\"m1\",\"text\":\"look\"}");
            assertEquals("result", socket.next().path("type").asText());
            await().atMost(TestSocket.WAIT).until(() -> ServiceMetrics.value(OK) == ok + 1);
            // The orchestrator's refusal is an answer in the outbox: acknowledged, so ok for the gateway.
            socket.send("{\"type\":\"action\",\"id\":\"m2\",\"text\":\"status:429\"}");
            assertEquals("rate_limited", socket.next().path("code").asText());
            await().atMost(TestSocket.WAIT).until(() -> ServiceMetrics.value(OK) == ok + 2);
            // The gateway's own refusal (an HTTP error without an answer in the outbox) is counted by its code.
            socket.send("{\"type\":\"action\",\"id\":\"m3\",\"text\":\"http:400\"}");
            assertEquals("bad_request", socket.next().path("code").asText());
            await().atMost(TestSocket.WAIT).until(() -> ServiceMetrics.value(BAD_REQUEST) == badRequest + 1);
        }

        assertEquals(timed + 3, ServiceMetrics.value(TIMED));
        assertEquals(opened + 1, ServiceMetrics.value(OPENED));
        String metrics = RestAssured.get("/q/metrics").asString();
        assertFalse(metrics.contains(player), "player ids never become labels");
    }

    @Test
    void aRefusedSocketIsCountedByReason() {
        String refused = "langomni_gateway_sockets_closed_total{reason=\"unauthorized\"}";
        String badTicket = "langomni_gateway_sockets_closed_total{reason=\"invalid_ticket\"}";
        double before = ServiceMetrics.value(refused);
        double beforeBadTicket = ServiceMetrics.value(badTicket);

        String missing = "missing-" + UUID.randomUUID(); // its ticket redeems, then the orchestrator knows no such player
        try (TestSocket socket = TestSocket.open(vertx, base, missing, "token-" + missing)) {
            socket.awaitClose();
        }
        try (TestSocket socket = TestSocket.open(vertx, base, "metrics-" + UUID.randomUUID(), "token-someone-else")) {
            socket.awaitClose();
        }

        assertEquals(before + 1, ServiceMetrics.value(refused));
        assertEquals(beforeBadTicket + 1, ServiceMetrics.value(badTicket));
    }

    @Test
    void forwardedAndClientRoutePathsAreTemplatedSoNoPlayerIdBecomesAUriLabel() {
        String player = UUID.randomUUID().toString();
        RestAssured.get("/api/echo/players/" + player).then().statusCode(200);
        RestAssured.get("/admin/players/" + player).then().statusCode(200);

        String metrics = RestAssured.get("/q/metrics").asString();
        assertFalse(metrics.contains(player), "player ids never become labels");
        assertTrue(metrics.contains("uri=\"/api/*\""), "forwarded calls are counted under a template");
        assertTrue(metrics.contains("uri=\"/admin/*\""), "client routes are counted under a template");
    }

    @Test
    void theRedisFanoutSubscriptionIsADependencyGauge() {
        await().atMost(TestSocket.WAIT).until(fanout::isActive);
        assertEquals(1, ServiceMetrics.value("langomni_dependency_up{dependency=\"redis\"}"));
    }
}
