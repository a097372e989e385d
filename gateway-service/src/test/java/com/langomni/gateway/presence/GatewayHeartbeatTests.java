package com.langomni.gateway.presence;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.langomni.gateway.support.FakeOrchestrator;
import com.langomni.gateway.support.FakeOrchestrator.RecordedSocket;
import com.langomni.gateway.support.FakeOrchestratorResource;
import com.langomni.gateway.support.TestSocket;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/** The gateway heartbeats under its instance id (every 200 ms in %test) and names each socket by it. */
@QuarkusTest
@WithTestResource(FakeOrchestratorResource.class)
class GatewayHeartbeatTests {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Vertx vertx;

    @Inject
    GatewayIdentity identity;

    FakeOrchestrator orchestrator;

    @AfterEach
    void answerNormally() {
        orchestrator.resetHeartbeats(false);
        orchestrator.start();
    }

    @Test
    void heartbeatsUnderItsInstanceIdEveryInterval() {
        int before = orchestrator.heartbeats().size();
        await().atMost(Duration.ofSeconds(10)).until(() -> orchestrator.heartbeats().size() >= before + 3);
        assertTrue(orchestrator.heartbeats().stream().allMatch(identity.id()::equals), orchestrator.heartbeats()::toString);
        assertEquals(0, orchestrator.refusedServiceTokens(), "every call to /internal carries the service token");
    }

    @Test
    void onlyHeartbeatsBeforeTheFirstAnswerSayTheyAreTheFirst() {
        int before = orchestrator.heartbeats().size();
        await().atMost(Duration.ofSeconds(10)).until(() -> orchestrator.heartbeats().size() >= before + 2);
        List<Boolean> flags = List.copyOf(orchestrator.heartbeatFirstFlags());
        assertTrue(flags.get(0), flags::toString); // the orchestrator ran before this gateway started
        int answered = flags.indexOf(false);
        assertTrue(answered > 0 && !flags.subList(answered, flags.size()).contains(true), flags::toString);
    }

    @Test
    void heartbeatsGoOnAfterTheOrchestratorWasUnreachable() {
        orchestrator.stop();
        int before = orchestrator.heartbeats().size();
        orchestrator.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> orchestrator.heartbeats().size() >= before + 2);
    }

    @Test
    void eachSocketIsNamedByThisGatewayAndItsConnectionWhenItOpensAndCloses() {
        String player = player();
        RecordedSocket first;
        try (TestSocket one = TestSocket.welcomed(vertx, base, player);
             TestSocket two = TestSocket.welcomed(vertx, base, player)) {
            List<RecordedSocket> opened = socketsOf(orchestrator.openedSockets(), player);
            assertEquals(2, opened.size());
            assertTrue(opened.stream().allMatch(s -> s.gateway().equals(identity.id())), opened::toString);
            assertNotEquals(opened.get(0).connection(), opened.get(1).connection());
            first = opened.get(0);
        }
        await().atMost(TestSocket.WAIT).until(() -> socketsOf(orchestrator.closedSockets(), player).size() == 2);
        assertTrue(orchestrator.closedSockets().contains(first));
    }

    @Test
    void aResetAnswerClosesTheSocketsItHeldSoTheyReconnectAndNewOnesStay() {
        String player = player();
        try (TestSocket held = TestSocket.welcomed(vertx, base, player)) {
            RecordedSocket socket = socketsOf(orchestrator.openedSockets(), player).get(0);

            orchestrator.resetHeartbeats(true); // as if this gateway had been declared dead while it stalled
            assertEquals(GatewayHeartbeat.SERVICE_RESTART, held.awaitClose());
            orchestrator.resetHeartbeats(false);
            await().atMost(TestSocket.WAIT).until(() -> orchestrator.closedSockets().contains(socket));
        }

        try (TestSocket reconnected = TestSocket.welcomed(vertx, base, player)) {
            int before = orchestrator.heartbeats().size();
            await().atMost(Duration.ofSeconds(10)).until(() -> orchestrator.heartbeats().size() >= before + 3);
            assertFalse(reconnected.isClosed());
        }
    }

    @Test
    void aGeneratedIdStartsWithTheHostAndDiffersAtEveryStart() {
        String one = GatewayIdentity.generated("gateway-7d9f8c-x2k4q");
        String two = GatewayIdentity.generated("gateway-7d9f8c-x2k4q");
        assertTrue(one.matches("gateway-7d9f8c-x2k4q-[0-9a-f]{8}"), one);
        assertNotEquals(one, two);
        assertTrue(GatewayIdentity.generated(null).matches("gateway-[0-9a-f]{8}"));
        assertTrue(GatewayIdentity.generated("_odd host/name").matches("odd-host-name-[0-9a-f]{8}"));
        assertTrue(GatewayIdentity.generated("h".repeat(300)).length() <= 128);
        assertTrue(identity.id().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}"), identity.id());
    }

    @Test
    void aConfiguredIdMustBeOneTheOrchestratorAccepts() {
        assertEquals("gw-1.a_b", GatewayIdentity.validated("gw-1.a_b"));
        for (String bad : List.of("", "-gw", "gw 1", "gw/1", "x".repeat(129))) {
            assertThrows(IllegalArgumentException.class, () -> GatewayIdentity.validated(bad), bad);
        }
    }

    private static List<RecordedSocket> socketsOf(List<RecordedSocket> sockets, String player) {
        return sockets.stream().filter(s -> s.playerId().equals(player)).toList();
    }

    private static String player() {
        return "p-" + UUID.randomUUID();
    }
}
