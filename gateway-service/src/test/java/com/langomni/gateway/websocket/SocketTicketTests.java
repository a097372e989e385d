package com.langomni.gateway.websocket;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.api.protocol.CloseCodes;
import com.langomni.gateway.service.ConnectionRegistry;
import com.langomni.gateway.support.FakeOrchestrator;
import com.langomni.gateway.support.FakeOrchestratorResource;
import com.langomni.gateway.support.TestSocket;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.Vertx;

/** A socket opens with a single-use ticket, never a token in its URL; and the player's socket limits close it clearly. */
@QuarkusTest
@WithTestResource(FakeOrchestratorResource.class)
class SocketTicketTests {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Vertx vertx;

    @Inject
    ConnectionRegistry registry;

    @Inject
    CircuitBreakerMaintenance breakers;

    FakeOrchestrator orchestrator;

    @AfterEach
    void restoreOrchestrator() {
        orchestrator.start();
        breakers.resetAll();
    }

    @Test
    void aTokenInTheUrlIsRefusedWithWordsThatPointToTickets() {
        String player = player();
        try (TestSocket socket = TestSocket.openAt(vertx, base, "/ws/game/" + player + "?token=token-" + player)) {
            JsonNode error = socket.next();

            assertEquals("unauthorized", error.path("code").asText());
            assertEquals("Tokens no longer go in the socket's URL: fetch a ticket with POST /api/auth/ticket and "
                    + "connect with ?ticket=<ticket>.", error.path("message").asText());
            assertEquals(CloseCodes.UNAUTHORIZED, socket.awaitClose());
            assertEquals("ticket_required", socket.closeReason());
        }
        assertFalse(orchestrator.opened().contains(player));
    }

    @Test
    void aTokenBesideATicketIsRefusedToo() {
        String player = player();
        String uri = "/ws/game/" + player + "?ticket=" + TestSocket.ticket("token-" + player) + "&token=token-" + player;
        try (TestSocket socket = TestSocket.openAt(vertx, base, uri)) {
            assertEquals("unauthorized", socket.next().path("code").asText());
            assertEquals(CloseCodes.UNAUTHORIZED, socket.awaitClose());
            assertEquals("ticket_required", socket.closeReason());
        }
        assertFalse(orchestrator.opened().contains(player));
    }

    @Test
    void noTicketIsRefused() {
        String player = player();
        try (TestSocket socket = TestSocket.openAt(vertx, base, "/ws/game/" + player + "?ticket=")) {
            assertEquals("Connect with ?ticket=<ticket> (POST /api/auth/ticket gives one).",
                    socket.next().path("message").asText());
            assertEquals(CloseCodes.UNAUTHORIZED, socket.awaitClose());
            assertEquals("ticket_required", socket.closeReason());
        }
    }

    @Test
    void aTicketOpensOneSocketOnly() {
        String player = player();
        String ticket = TestSocket.ticket("token-" + player);
        try (TestSocket first = TestSocket.openAt(vertx, base, "/ws/game/" + player + "?ticket=" + ticket)) {
            assertEquals("welcome", first.next().path("type").asText());

            try (TestSocket second = TestSocket.openAt(vertx, base, "/ws/game/" + player + "?ticket=" + ticket)) {
                JsonNode error = second.next();
                assertEquals("unauthorized", error.path("code").asText());
                assertEquals("This ticket is unknown, used or expired: fetch a new one (POST /api/auth/ticket) and "
                        + "connect with it at once.", error.path("message").asText());
                assertEquals(CloseCodes.UNAUTHORIZED, second.awaitClose());
                assertEquals("invalid_ticket", second.closeReason());
            }
            assertEquals(1, orchestrator.opened().stream().filter(player::equals).count());
            // the welcomed socket goes on, with the token the ticket stood for
            first.send("{\"type\":\"action\",\"id\":\"t1\",\"text\":\"look\"}");
            assertEquals("You look.", first.next().path("text").asText());
        }
    }

    @Test
    void anUnknownTicketIsRefused() {
        String player = player();
        try (TestSocket socket = TestSocket.openAt(vertx, base, "/ws/game/" + player + "?ticket=made-up")) {
            assertEquals("unauthorized", socket.next().path("code").asText());
            assertEquals(CloseCodes.UNAUTHORIZED, socket.awaitClose());
            assertEquals("invalid_ticket", socket.closeReason());
        }
        assertFalse(orchestrator.opened().contains(player));
    }

    @Test
    void anotherPlayersTicketIsRefusedBeforeAnythingOpens() {
        String player = player();
        try (TestSocket socket = TestSocket.open(vertx, base, player, "token-" + player())) {
            assertEquals("This ticket is for another player.", socket.next().path("message").asText());
            assertEquals(CloseCodes.UNAUTHORIZED, socket.awaitClose());
            assertEquals("invalid_ticket", socket.closeReason());
        }
        assertFalse(orchestrator.opened().contains(player));
        assertTrue(registry.sessionsOf(player).isEmpty());
    }

    /** Redis down behind the orchestrator: the refusal says to retry, and a new ticket then works. */
    @Test
    void aTicketThatCannotBeCheckedIsARetryableRefusal() {
        String player = player();
        try (TestSocket socket = TestSocket.openAt(vertx, base, "/ws/game/" + player + "?ticket=unavailable-1")) {
            JsonNode error = socket.next();
            assertEquals("unavailable", error.path("code").asText());
            assertEquals("Your ticket could not be checked right now; fetch a new one and connect again shortly.",
                    error.path("message").asText());
            assertEquals(1013, socket.awaitClose());
            assertEquals("unavailable", socket.closeReason());
        }
        assertFalse(orchestrator.opened().contains(player));
        try (TestSocket retry = TestSocket.welcomed(vertx, base, player)) {
            assertTrue(orchestrator.opened().contains(player));
        }
    }

    @Test
    void anOrchestratorThatCannotBeReachedIsARetryableRefusal() {
        String player = player();
        orchestrator.stop();
        try (TestSocket socket = TestSocket.open(vertx, base, player, "token-" + player)) {
            assertEquals("unavailable", socket.next().path("code").asText());
            assertEquals(1013, socket.awaitClose());
        }
    }

    @Test
    void aBadResumeIsRefusedWithoutSpendingTheTicket() {
        String player = player();
        String ticket = TestSocket.ticket("token-" + player);
        try (TestSocket socket = TestSocket.openAt(vertx, base, "/ws/game/" + player + "?ticket=" + ticket + "&resume=x")) {
            assertEquals("bad_request", socket.next().path("code").asText());
            assertEquals(CloseCodes.BAD_REQUEST, socket.awaitClose());
        }
        assertFalse(orchestrator.redemptions().contains(ticket));
    }

    @Test
    void tooManySocketsCloses4429AndSaysWhy() {
        String player = "crowded-" + UUID.randomUUID();
        try (TestSocket socket = TestSocket.open(vertx, base, player, "token-" + player)) {
            JsonNode error = socket.next();
            assertEquals("too_many_sockets", error.path("code").asText());
            assertEquals("You have 3 game windows open already; close one, then connect again.",
                    error.path("message").asText());
            assertEquals(CloseCodes.SOCKET_LIMIT, socket.awaitClose());
            assertEquals("too_many_sockets", socket.closeReason());
        }
        assertTrue(registry.sessionsOf(player).isEmpty());
    }

    @Test
    void tooManyOpensCloses4429AndSaysWhy() {
        String player = "restless-" + UUID.randomUUID();
        try (TestSocket socket = TestSocket.open(vertx, base, player, "token-" + player)) {
            JsonNode error = socket.next();
            assertEquals("too_many_opens", error.path("code").asText());
            assertEquals(CloseCodes.SOCKET_LIMIT, socket.awaitClose());
            assertEquals("too_many_opens", socket.closeReason());
        }
        // a refused open was never counted: nothing to tell the orchestrator when it closes (past its 2 s deadline either)
        await().during(java.time.Duration.ofMillis(2500)).atMost(TestSocket.WAIT)
                .until(() -> !orchestrator.closed().contains(player));
    }

    private static String player() {
        return "p-" + UUID.randomUUID();
    }
}
