package com.langomni.gateway.websocket;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.api.protocol.CloseCodes;
import com.langomni.gateway.service.ConnectionRegistry;
import com.langomni.gateway.service.SocketSessions;
import com.langomni.gateway.support.FakeOrchestrator;
import com.langomni.gateway.support.FakeOrchestratorResource;
import com.langomni.gateway.support.TestSocket;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

@QuarkusTest
@WithTestResource(FakeOrchestratorResource.class)
class GameSocketTests {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Vertx vertx;

    @Inject
    ConnectionRegistry registry;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    SocketSessions sessions;

    FakeOrchestrator orchestrator;

    @AfterEach
    void restoreOrchestrator() {
        orchestrator.actionDelay(Duration.ZERO);
        orchestrator.openDelay(Duration.ZERO);
        orchestrator.start();
        breakers.resetAll();
    }

    @Test
    void welcomesAPlayerWithAGoodTokenAndIndexesTheSocket() {
        String player = player();
        orchestrator.place(player, "old-mill");
        try (TestSocket socket = TestSocket.open(vertx, base, player, "token-" + player)) {
            JsonNode welcome = socket.next();

            assertEquals("welcome", welcome.path("type").asText());
            assertEquals(player, welcome.path("player").path("id").asText());
            assertEquals("old-mill", welcome.path("location").path("id").asText());
            assertThat(orchestrator.opened(), hasItem(player));
            // the welcome is written just before the registry indexes the socket (so it is the first frame out)
            await().atMost(TestSocket.WAIT).until(() -> registry.sessionsOf(player).size() == 1);
            assertEquals("old-mill", registry.locationOf(player).orElseThrow());
            assertThat(registry.playersIn("old-mill"), hasItem(player));
        }
        await().atMost(TestSocket.WAIT).until(() -> orchestrator.closed().contains(player));
        assertTrue(registry.sessionsOf(player).isEmpty());
        assertThat(registry.playersIn("old-mill"), not(hasItem(player)));
    }

    @Test
    void shutdownTellsTheOrchestratorEveryPlayerLeftExactlyOnce() {
        String player = player();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            // the welcome is written just before the registry indexes the socket: wait for the index
            await().atMost(TestSocket.WAIT).until(() -> registry.sessionsOf(player).size() == 1);
            sessions.releaseAll(null); // what the ShutdownEvent does, while the orchestrator can still hear it
            assertEquals(1, orchestrator.closed().stream().filter(player::equals).count());
        }
        // The socket's own close afterwards must not count the player out a second time; once the registry has
        // forgotten the socket, that decision has been made.
        await().atMost(TestSocket.WAIT).until(() -> registry.sessionsOf(player).isEmpty());
        assertEquals(1, orchestrator.closed().stream().filter(player::equals).count());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
            "NONE, missing token",
            "forged-token, forged token",
            "token-someone-else, another player's token",
    })
    void refusesABadTokenWithAnUnauthorizedFrameAndClose4401(String token, String why) {
        String player = player();
        try (TestSocket socket = TestSocket.open(vertx, base, player, token)) {
            JsonNode error = socket.next();

            assertEquals("error", error.path("type").asText(), why);
            assertEquals("unauthorized", error.path("code").asText(), why);
            assertEquals(CloseCodes.UNAUTHORIZED, socket.awaitClose(), why);
            assertTrue(registry.sessionsOf(player).isEmpty());
        }
    }

    @Test
    void refusesAnUnknownPlayer() {
        String player = "missing-" + UUID.randomUUID();
        try (TestSocket socket = TestSocket.open(vertx, base, player, "token-" + player)) {
            assertEquals("unauthorized", socket.next().path("code").asText());
            assertEquals(CloseCodes.UNAUTHORIZED, socket.awaitClose());
        }
    }

    @Test
    void answersPingWithPong() {
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player())) {
            socket.send("{\"type\":\"ping\"}");
            assertEquals("pong", socket.next().path("type").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "this is not json",
            "[1,2,3]",
            "{\"kind\":\"action\"}",
            "{\"type\":\"dance\"}",
            "{\"type\":42}",
            "{\"type\":\"action\",\"text\":\"look\"}",
            "{\"type\":\"action\",\"id\":\"  \",\"text\":\"look\"}",
            "{\"type\":\"action\",\"id\":7,\"text\":\"look\"}",
            "{\"type\":\"action\",\"id\":\"a1\"}",
            "{\"type\":\"action\",\"id\":\"a1\",\"text\":\"   \"}",
    })
    void answersABadFrameWithBadRequestAndStaysUsable(String frame) {
        String player = player();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            socket.send(frame);
            JsonNode error = socket.next();

            assertEquals("error", error.path("type").asText());
            assertEquals("bad_request", error.path("code").asText());
            assertFalse(error.path("message").asText().isBlank());
            socket.send("{\"type\":\"ping\"}");
            assertEquals("pong", socket.next().path("type").asText());
            assertThat(orchestrator.actionsOf(player), empty());
        }
    }

    @Test
    void echoesTheActionIdOfAnActionWithoutText() {
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player())) {
            socket.send("{\"type\":\"action\",\"id\":\"a-17\"}");
            assertEquals("a-17", socket.next().path("actionId").asText());
        }
    }

    @Test
    void refusesAnOverlongActionId() {
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player())) {
            socket.send("{\"type\":\"action\",\"id\":\"" + "i".repeat(65) + "\",\"text\":\"look\"}");
            assertEquals("bad_request", socket.next().path("code").asText());
        }
    }

    @Test
    void answersABinaryFrameWithBadRequest() {
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player())) {
            socket.sendBinary(Buffer.buffer(new byte[] { 1, 2, 3 }));
            assertEquals("bad_request", socket.next().path("code").asText());
            socket.send("{\"type\":\"ping\"}");
            assertEquals("pong", socket.next().path("type").asText());
        }
    }

    @Test
    void answersAnOversizeFrameWithTooLargeAndClose1009WhileAnotherSocketCarriesOn() {
        try (TestSocket bystander = TestSocket.welcomed(vertx, base, player());
                TestSocket offender = TestSocket.welcomed(vertx, base, player())) {
            offender.send("{\"type\":\"action\",\"id\":\"big\",\"text\":\"" + "x".repeat(5000) + "\"}");

            assertEquals("too_large", offender.next().path("code").asText());
            assertEquals(CloseCodes.TOO_LARGE, offender.awaitClose());
            bystander.send("{\"type\":\"ping\"}");
            assertEquals("pong", bystander.next().path("type").asText());
        }
    }

    @Test
    void countsBytesNotCharactersAgainstTheLimit() {
        try (TestSocket offender = TestSocket.welcomed(vertx, base, player())) {
            // 2,000 characters but 6,000 UTF-8 bytes.
            offender.send("{\"type\":\"action\",\"id\":\"wide\",\"text\":\"" + "\u20ac".repeat(2000) + "\"}");

            assertEquals("too_large", offender.next().path("code").asText());
            assertEquals(CloseCodes.TOO_LARGE, offender.awaitClose());
        }
    }

    @Test
    void closesAMessageThatGrowsPastTheLimitAcrossFragmentsWith1009() {
        try (TestSocket bystander = TestSocket.welcomed(vertx, base, player());
                TestSocket offender = TestSocket.welcomed(vertx, base, player())) {
            offender.sendFrame(WebSocketFrame.textFrame("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(3000), false));
            offender.sendFrame(WebSocketFrame.continuationFrame(Buffer.buffer("y".repeat(3000) + "\"}"), true));

            assertEquals(CloseCodes.TOO_LARGE, offender.awaitClose());
            bystander.send("{\"type\":\"ping\"}");
            assertEquals("pong", bystander.next().path("type").asText());
        }
    }

    @Test
    void closesAFragmentedMessagePastTheCodecCapWith1009() {
        try (TestSocket offender = TestSocket.welcomed(vertx, base, player())) {
            offender.sendFrame(WebSocketFrame.textFrame("x".repeat(40_000), false));
            offender.sendFrame(WebSocketFrame.continuationFrame(Buffer.buffer("y".repeat(40_000)), true));

            assertEquals(CloseCodes.TOO_LARGE, offender.awaitClose());
        }
    }

    @Test
    void dropsASingleFramePastTheCodecCapWithoutHarmingOthers() {
        try (TestSocket bystander = TestSocket.welcomed(vertx, base, player());
                TestSocket offender = TestSocket.welcomed(vertx, base, player())) {
            offender.sendFrame(WebSocketFrame.textFrame("x".repeat(70_000), true));

            // Vert.x drops the connection without a close frame here, so only "closed" is promised.
            offender.awaitClose();
            bystander.send("{\"type\":\"ping\"}");
            assertEquals("pong", bystander.next().path("type").asText());
        }
    }

    @Test
    void acceptsAFrameOfExactlyTheLimit() {
        String player = player();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            String prefix = "{\"type\":\"action\",\"id\":\"edge\",\"text\":\"";
            String frame = prefix + "x".repeat(4096 - prefix.length() - 2) + "\"}";
            assertEquals(4096, frame.length());
            socket.send(frame);

            // Over the orchestrator's 500-character action limit: its 400 too_large comes back as a frame.
            JsonNode error = socket.next();
            assertEquals("too_large", error.path("code").asText());
            assertEquals("edge", error.path("actionId").asText());
        }
    }

    @Test
    void forwardsActionsInOrderOneAtATimeAndDeliversEachAnswerOnceInSequence() {
        String player = player();
        orchestrator.actionDelay(Duration.ofMillis(20));
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            List<String> ids = IntStream.range(0, 10).mapToObj(i -> "act-" + i).toList();
            ids.forEach(id -> socket.send("{\"type\":\"action\",\"id\":\"" + id + "\",\"text\":\"look " + id + "\"}"));

            await().atMost(TestSocket.WAIT).until(() -> orchestrator.actionsOf(player).size() == ids.size());
            assertEquals(ids, orchestrator.actionsOf(player).stream().map(FakeOrchestrator.RecordedAction::id).toList());
            assertEquals(1, orchestrator.maxConcurrentActions(player));
            // The fake acknowledges each answer without publishing it: the gateway fetches it from the outbox.
            for (int i = 0; i < ids.size(); i++) {
                JsonNode result = socket.next();
                assertEquals("result", result.path("type").asText());
                assertEquals(ids.get(i), result.path("actionId").asText());
                assertEquals(i + 1, result.path("seq").asLong());
            }
            assertThat(socket.framesBeforePong(), empty());
        }
    }

    @Test
    void aTokenThatStopsWorkingMidSessionClosesTheSocketWith4401() {
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player())) {
            socket.send("{\"type\":\"action\",\"id\":\"late\",\"text\":\"status:401\"}");
            assertEquals("unauthorized", socket.next().path("code").asText());
            assertEquals(CloseCodes.UNAUTHORIZED, socket.awaitClose());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "429, rate_limited",
            "503, busy",
            "400, bad_request",
            "500, internal",
    })
    void deliversAnOrchestratorRefusalThroughTheOutboxLikeAResult(int status, String code) {
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player())) {
            socket.send("{\"type\":\"action\",\"id\":\"r1\",\"text\":\"status:" + status + "\"}");
            JsonNode error = socket.next();

            assertEquals("error", error.path("type").asText());
            assertEquals(code, error.path("code").asText());
            assertEquals("r1", error.path("actionId").asText());
            assertEquals(1, error.path("seq").asLong());
        }
    }

    @Test
    void deliversAnAnswerThatCameWithTheAcknowledgementWhenTheOutboxWasDown() {
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player())) {
            socket.send("{\"type\":\"action\",\"id\":\"u1\",\"text\":\"unkept\"}");
            JsonNode result = socket.next();

            assertEquals("result", result.path("type").asText());
            assertEquals("u1", result.path("actionId").asText());
            assertTrue(result.path("seq").isMissingNode(), "not in the outbox, so not sequenced");
            assertThat(socket.framesBeforePong(), empty());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "400, bad_request",
            "500, internal",
            "503, busy",
    })
    void turnsAnHttpErrorOfTheOrchestratorIntoAnUnsequencedErrorFrame(int status, String code) {
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player())) {
            socket.send("{\"type\":\"action\",\"id\":\"h1\",\"text\":\"http:" + status + "\"}");
            JsonNode error = socket.next();

            assertEquals("error", error.path("type").asText());
            assertEquals(code, error.path("code").asText());
            assertEquals("h1", error.path("actionId").asText());
            assertTrue(error.path("seq").isMissingNode(), "not kept in the outbox, so not sequenced");
        }
    }

    @Test
    void answersBusyWhenTheOrchestratorIsTooSlow() {
        orchestrator.actionDelay(Duration.ofSeconds(2));
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player())) {
            socket.send("{\"type\":\"action\",\"id\":\"slow\",\"text\":\"wait\"}");
            JsonNode error = socket.next();

            assertEquals("busy", error.path("code").asText());
            assertEquals("slow", error.path("actionId").asText());
        }
    }

    @Test
    void answersActionsBeyondTheQueueRateLimitedAndKeepsTheSocketOpen() {
        String player = player();
        orchestrator.actionDelay(Duration.ofMillis(100));
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            for (int i = 0; i < 30; i++) {
                socket.send("{\"type\":\"action\",\"id\":\"b" + i + "\",\"text\":\"look\"}");
            }

            // 16 are taken (queue limit) and answered in order; the other 14 are refused at once, each by its id.
            Set<String> refused = new HashSet<>();
            List<String> answered = new ArrayList<>();
            while (answered.size() < 16 || refused.size() < 14) {
                JsonNode frame = socket.next();
                if ("error".equals(frame.path("type").asText())) {
                    assertEquals("rate_limited", frame.path("code").asText());
                    refused.add(frame.path("actionId").asText());
                } else {
                    assertEquals("result", frame.path("type").asText());
                    answered.add(frame.path("actionId").asText());
                }
            }
            assertEquals(IntStream.range(0, 16).mapToObj(i -> "b" + i).toList(), answered);
            assertEquals(IntStream.range(16, 30).mapToObj(i -> "b" + i).collect(Collectors.toSet()), refused);
            socket.send("{\"type\":\"ping\"}");
            assertEquals("pong", socket.next().path("type").asText());
            assertFalse(socket.isClosed());
        }
    }

    @Test
    void closesAnAbusiveSocketWith1008OnlyAfterAnsweringTheActionsItTook() {
        orchestrator.actionDelay(Duration.ofMillis(100));
        try (TestSocket bystander = TestSocket.welcomed(vertx, base, player());
                TestSocket flooder = TestSocket.welcomed(vertx, base, player())) {
            // 16 taken, then more than 20 refused within 10 s (the %test threshold): abuse. 38 frames stay within
            // the frame-rate burst, so it is the refusals that close it.
            for (int i = 0; i < 38 && flooder.sendWhileOpen("{\"type\":\"action\",\"id\":\"f" + i
                    + "\",\"text\":\"look\"}"); i++) {
                // refused ones are answered at once; the socket stays open until the 16 taken are answered
            }

            assertEquals(CloseCodes.FLOOD, flooder.awaitClose());
            List<String> answered = flooder.drained().stream().map(TestSocket::parse)
                    .filter(frame -> "result".equals(frame.path("type").asText()))
                    .map(frame -> frame.path("actionId").asText()).toList();
            assertEquals(IntStream.range(0, 16).mapToObj(i -> "f" + i).toList(), answered);
            bystander.send("{\"type\":\"ping\"}");
            assertEquals("pong", bystander.next().path("type").asText());
        }
    }

    @Test
    void closesASocketSpammingCheapFramesWith1008() {
        try (TestSocket bystander = TestSocket.welcomed(vertx, base, player());
                TestSocket spammer = TestSocket.welcomed(vertx, base, player())) {
            for (int i = 0; i < 500 && spammer.sendWhileOpen("{\"type\":\"ping\"}"); i++) {
                // the server closes it with 1008 past 20 frames/s (burst 40)
            }

            assertEquals(CloseCodes.FLOOD, spammer.awaitClose());
            bystander.send("{\"type\":\"ping\"}");
            assertEquals("pong", bystander.next().path("type").asText());
        }
    }

    @Test
    void aSocketWhoseOpenAnsweredTooLateIsReleasedOnceTheOpenIsSurelyOver() {
        String player = player();
        orchestrator.openDelay(Duration.ofSeconds(3)); // past the gateway's 2 s deadline; the fake counted it
        try (TestSocket late = TestSocket.open(vertx, base, player, "token-" + player)) {
            assertEquals("unavailable", late.next().path("code").asText());
            assertEquals(1013, late.awaitClose());
        }

        await().atMost(TestSocket.WAIT).until(() -> orchestrator.closed().contains(player));
    }

    @Test
    void aCloseTheOrchestratorMissedIsToldAgainOnceItIsBack() {
        String player = player();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            await().atMost(TestSocket.WAIT).until(() -> registry.sessionsOf(player).size() == 1);
            orchestrator.stop();
        }
        await().atMost(TestSocket.WAIT).until(() -> registry.sessionsOf(player).isEmpty());
        orchestrator.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> orchestrator.closed().contains(player));
    }

    @Test
    void survivesTheOrchestratorGoingDown() {
        String connected = player();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, connected)) {
            orchestrator.stop();

            socket.send("{\"type\":\"action\",\"id\":\"down-1\",\"text\":\"look\"}");
            JsonNode error = socket.next();
            assertEquals("unavailable", error.path("code").asText());
            assertEquals("down-1", error.path("actionId").asText());

            try (TestSocket late = TestSocket.open(vertx, base, player(), "token-x")) {
                JsonNode refusal = late.next();
                assertEquals("unavailable", refusal.path("code").asText());
                assertEquals(1013, late.awaitClose());
            }
            socket.send("{\"type\":\"ping\"}");
            assertEquals("pong", socket.next().path("type").asText());
        }
        orchestrator.start();
        breakers.resetAll();
        try (TestSocket again = TestSocket.welcomed(vertx, base, player())) {
            again.send("{\"type\":\"ping\"}");
            assertEquals("pong", again.next().path("type").asText());
        }
    }

    /** Actions that cannot reach the orchestrator open its breaker; then they fail at once, told the same way. */
    @Test
    void anUnreachableOrchestratorOpensTheActionBreaker() {
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player())) {
            orchestrator.stop();
            AtomicInteger sent = new AtomicInteger();
            // requestVolumeThreshold 8 at failureRatio 0.75 (langomni.gateway.orchestrator.breaker): eight in a row
            await().atMost(TestSocket.WAIT).until(() -> {
                String id = "cut-" + sent.incrementAndGet();
                socket.send("{\"type\":\"action\",\"id\":\"" + id + "\",\"text\":\"look\"}");
                JsonNode error = socket.next();
                assertEquals("unavailable", error.path("code").asText());
                assertEquals(id, error.path("actionId").asText());
                return breakers.currentState("orchestrator-action") == CircuitBreakerState.OPEN;
            });
            assertTrue(sent.get() >= 8, () -> "opened after " + sent.get() + " actions");

            socket.send("{\"type\":\"action\",\"id\":\"while-open\",\"text\":\"look\"}");
            JsonNode refused = socket.next();
            assertEquals("unavailable", refused.path("code").asText());
            assertEquals("while-open", refused.path("actionId").asText());
            assertTrue(refused.path("seq").isMissingNode(), "the gateway's own answer is not sequenced");
        }
    }

    private static String player() {
        return "p-" + UUID.randomUUID();
    }
}
