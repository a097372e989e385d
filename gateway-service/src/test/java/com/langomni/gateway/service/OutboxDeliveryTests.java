package com.langomni.gateway.service;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.api.bus.Channels;
import com.langomni.api.bus.PlayerMessage;
import com.langomni.api.bus.RoomEvent;
import com.langomni.api.protocol.CloseCodes;
import com.langomni.api.protocol.EventFrame;
import com.langomni.gateway.support.FakeOrchestrator;
import com.langomni.gateway.support.FanoutProbe;
import com.langomni.gateway.support.FakeOrchestratorResource;
import com.langomni.gateway.support.TestSocket;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * Sequenced delivery against the real Redis fan-out and the fake orchestrator's outbox: every frame of a player's
 * outbox reaches each socket once and in order, across gaps (pub/sub lost one), duplicates, a lost subscription
 * and a reconnect that resumes. Frames are appended to the fake outbox and, unless a test drops them on purpose,
 * published the way the orchestrator does.
 */
@QuarkusTest
@WithTestResource(FakeOrchestratorResource.class)
class OutboxDeliveryTests {


    @TestHTTPResource("/")
    URI base;

    @Inject
    Vertx vertx;

    @Inject
    RedisDataSource redis;

    @Inject
    RedisFanout fanout;

    FakeOrchestrator orchestrator;

    @BeforeEach
    void subscribed() {
        await().atMost(TestSocket.WAIT).until(fanout::isActive);
    }

    @Test
    void welcomesWithTheOutboxHeadSoOlderFramesAreNotSentAgain() {
        String player = player();
        append(player, "before");
        try (TestSocket socket = TestSocket.open(vertx, base, player, "token-" + player)) {
            JsonNode welcome = socket.next();
            assertEquals("welcome", welcome.path("type").asText());
            assertEquals(1, welcome.path("seq").asLong());
            assertFalse(welcome.has("resume"));

            publish(player, append(player, "after"), "after");
            assertFrame(socket.next(), 2, "after");
        }
    }

    @Test
    void fillsAGapFromTheOutboxAndKeepsTheOrder() {
        String player = player();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            publish(player, append(player, "one"), "one");
            append(player, "two (lost by pub/sub)");
            publish(player, append(player, "three"), "three");

            assertFrame(socket.next(), 1, "one");
            assertFrame(socket.next(), 2, "two (lost by pub/sub)");
            assertFrame(socket.next(), 3, "three");
            assertThat(socket.framesBeforePong(), empty());
        }
    }

    @Test
    void closesWith4401WhenTheOutboxRefusesTheTokenOfASocketFillingAGap() {
        String player = player();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            orchestrator.revokeFrames(player);
            append(player, "lost by pub/sub");
            publish(player, append(player, "after the gap"), "after the gap");

            assertEquals(CloseCodes.UNAUTHORIZED, socket.awaitClose());
        }
    }

    @Test
    void sendsAFramePublishedTwiceOnce() {
        String player = player();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            long seq = append(player, "once");
            publish(player, seq, "once");
            publish(player, seq, "once");
            publish(player, append(player, "barrier"), "barrier");

            assertFrame(socket.next(), 1, "once");
            assertFrame(socket.next(), 2, "barrier");
            assertThat(socket.framesBeforePong(), empty());
        }
    }

    @Test
    void resumesAfterADropWithEveryMissedFrameThenLiveOnesWithoutGapOrDuplicate() {
        String player = player();
        try (TestSocket first = TestSocket.welcomed(vertx, base, player)) {
            publish(player, append(player, "a"), "a");
            assertFrame(first.next(), 1, "a");
        }
        await().atMost(TestSocket.WAIT).until(() -> orchestrator.closed().contains(player));
        append(player, "b (while away)");
        append(player, "c (while away)");

        try (TestSocket again = TestSocket.resuming(vertx, base, player, "1")) {
            JsonNode welcome = again.next();
            assertEquals("welcome", welcome.path("type").asText());
            assertEquals("ok", welcome.path("resume").asText());
            assertEquals(1, welcome.path("seq").asLong());
            assertFrame(again.next(), 2, "b (while away)");
            assertFrame(again.next(), 3, "c (while away)");

            publish(player, 3, "c (while away)"); // a late live copy of a replayed frame
            publish(player, append(player, "d"), "d");
            assertFrame(again.next(), 4, "d");
            assertThat(again.framesBeforePong(), empty());
        }
    }

    @Test
    void startsFreshWhenTheMissedFramesAreBeyondRetention() {
        String player = player();
        for (int i = 1; i <= 5; i++) {
            append(player, "old " + i);
        }
        orchestrator.trim(player, 3);

        try (TestSocket again = TestSocket.resuming(vertx, base, player, "1")) {
            JsonNode welcome = again.next();
            assertEquals("welcome", welcome.path("type").asText());
            assertEquals("expired", welcome.path("resume").asText());
            assertEquals(5, welcome.path("seq").asLong());
            assertThat(again.framesBeforePong(), empty());
        }
    }

    @Test
    void refusesAResumeThatIsNotASequenceNumber() {
        try (TestSocket socket = TestSocket.resuming(vertx, base, player(), "yesterday")) {
            assertEquals("bad_request", socket.next().path("code").asText());
            assertEquals(CloseCodes.BAD_REQUEST, socket.awaitClose());
        }
    }

    @Test
    void deliversASequencedRoomEventToEachRecipientWithItsOwnSeq() {
        String ann = player();
        String bob = player();
        append(bob, "bob's earlier frame");
        try (TestSocket annSocket = TestSocket.welcomed(vertx, base, ann);
                TestSocket bobSocket = TestSocket.welcomed(vertx, base, bob)) {
            String text = "storm";
            long annSeq = append(ann, event(text));
            long bobSeq = append(bob, event(text));
            publishJson(Channels.location("anywhere"), new RoomEvent("anywhere", null,
                    EventFrame.of("say", "World", text), Map.of(ann, annSeq, bob, bobSeq)));

            assertFrame(annSocket.next(), 1, text);
            assertFrame(bobSocket.next(), 2, text);
        }
    }

    @Test
    void fetchesWhatWasPublishedWhileTheSubscriptionWasDown() {
        String player = player();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            String lost = FanoutProbe.subscriberConnectionId(redis).orElseThrow();
            redis.execute("CLIENT", "KILL", "ID", lost);
            append(player, "while re-subscribing"); // published to nobody

            assertFrame(socket.next(), 1, "while re-subscribing");
            await().atMost(TestSocket.WAIT).until(fanout::isActive);
            publish(player, append(player, "live again"), "live again");
            assertFrame(socket.next(), 2, "live again");
        }
    }

    private void assertFrame(JsonNode frame, long seq, String text) {
        assertEquals(seq, frame.path("seq").asLong(), () -> "seq of " + frame);
        assertEquals(text, frame.path("text").asText(), () -> "text of " + frame);
    }

    private long append(String player, String text) {
        return orchestrator.append(player, text.startsWith("{") ? text : event(text));
    }

    private void publish(String player, long seq, String text) {
        publishJson(Channels.player(player), new PlayerMessage(seq, event(text), null, null, null));
    }

    private void publishJson(String channel, Object message) {
        FanoutProbe.publish(redis, channel, message);
    }

    private static String event(String text) {
        return "{\"type\":\"event\",\"kind\":\"say\",\"from\":\"test\",\"text\":\"" + text + "\"}";
    }

    private static String player() {
        return "out-" + UUID.randomUUID();
    }
}
