package com.langomni.gateway.service;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.api.bus.Channels;
import com.langomni.api.bus.Control;
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
 * Redis fan-out against the real Redis. Channels are global across database indexes, so every test uses fresh
 * player and location ids; absence is proven with a later message on the same subscription (Redis delivers one
 * subscriber's messages in order), never by waiting.
 */
@QuarkusTest
@WithTestResource(FakeOrchestratorResource.class)
class FanoutTests {


    @TestHTTPResource("/")
    URI base;

    @Inject
    Vertx vertx;

    @Inject
    RedisDataSource redis;

    @Inject
    ConnectionRegistry registry;

    @Inject
    RedisFanout fanout;

    FakeOrchestrator orchestrator;

    @BeforeEach
    void subscribed() {
        await().atMost(TestSocket.WAIT).until(fanout::isActive);
    }

    @Test
    void deliversAPlayerFrameToEverySocketOfThatPlayerOnly() {
        String alice = player();
        String bob = player();
        try (TestSocket alice1 = TestSocket.welcomed(vertx, base, alice);
                TestSocket alice2 = TestSocket.welcomed(vertx, base, alice);
                TestSocket bobSocket = TestSocket.welcomed(vertx, base, bob)) {
            String result = "{\"type\":\"result\",\"actionId\":\"a1\",\"text\":\"You look around.\",\"source\":\"rules\"}";
            publish(Channels.player(alice), PlayerMessage.frame(result, "square"));
            publish(Channels.player(bob), PlayerMessage.frame(marker("bob-barrier"), "square"));

            assertEquals(result, alice1.nextText());
            assertEquals(result, alice2.nextText());
            assertEquals("bob-barrier", bobSocket.next().path("text").asText());
        }
    }

    @Test
    void deliversARoomEventToThePlayersThereExceptTheActor() {
        String hall = location();
        String yard = location();
        String actor = player();
        String witness = player();
        String elsewhere = player();
        orchestrator.place(actor, hall);
        orchestrator.place(witness, hall);
        orchestrator.place(elsewhere, yard);
        try (TestSocket actorSocket = TestSocket.welcomed(vertx, base, actor);
                TestSocket witnessSocket = TestSocket.welcomed(vertx, base, witness);
                TestSocket elsewhereSocket = TestSocket.welcomed(vertx, base, elsewhere)) {
            publish(Channels.location(hall), new RoomEvent(hall, actor, EventFrame.of("say", "Name " + actor, "Hello!"), null));
            publish(Channels.location(hall), new RoomEvent(hall, null, EventFrame.of("say", "World", "hall-barrier"), null));
            publish(Channels.location(yard), new RoomEvent(yard, null, EventFrame.of("say", "World", "yard-barrier"), null));

            JsonNode seen = witnessSocket.next();
            assertEquals("event", seen.path("type").asText());
            assertEquals("say", seen.path("kind").asText());
            assertEquals("Name " + actor, seen.path("from").asText());
            assertEquals("Hello!", seen.path("text").asText());
            assertEquals("hall-barrier", witnessSocket.next().path("text").asText());
            assertEquals("hall-barrier", actorSocket.next().path("text").asText());
            assertEquals("yard-barrier", elsewhereSocket.next().path("text").asText());
        }
    }

    @Test
    void movesThePlayerInTheRoomIndexWithEveryPlayerMessage() {
        String from = location();
        String to = location();
        String walker = player();
        orchestrator.place(walker, from);
        try (TestSocket socket = TestSocket.welcomed(vertx, base, walker)) {
            publish(Channels.player(walker), PlayerMessage.frame(marker("walked"), to));
            assertEquals("walked", socket.next().path("text").asText());

            assertEquals(Optional.of(to), registry.locationOf(walker));
            assertThat(registry.playersIn(to), hasItem(walker));
            assertThat(registry.playersIn(from), not(hasItem(walker)));
            publish(Channels.location(from), new RoomEvent(from, null, EventFrame.of("say", "World", "old room"), null));
            publish(Channels.location(to), new RoomEvent(to, null, EventFrame.of("say", "World", "new room"), null));
            assertEquals("new room", socket.next().path("text").asText());
        }
    }

    @Test
    void movesThePlayerOnAMovedControl() {
        String to = location();
        String walker = player();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, walker)) {
            publish(Channels.player(walker), new PlayerMessage(null, null, Control.MOVED, to, "respawn"));
            publish(Channels.location(to), new RoomEvent(to, null, EventFrame.of("arrived", "World", "you are here"), null));

            assertEquals("you are here", socket.next().path("text").asText());
            assertEquals(Optional.of(to), registry.locationOf(walker));
        }
    }

    @Test
    void closesEverySocketOfAKickedPlayerWith4409() {
        String kicked = player();
        String bystander = player();
        try (TestSocket first = TestSocket.welcomed(vertx, base, kicked);
                TestSocket second = TestSocket.welcomed(vertx, base, kicked);
                TestSocket other = TestSocket.welcomed(vertx, base, bystander)) {
            publish(Channels.player(kicked), new PlayerMessage(null, null, Control.KICK, null, "Kicked by an admin"));

            assertEquals(CloseCodes.REPLACED, first.awaitClose());
            assertEquals(CloseCodes.REPLACED, second.awaitClose());
            assertEquals("Kicked by an admin", first.closeReason());
            await().atMost(TestSocket.WAIT).until(() -> registry.sessionsOf(kicked).isEmpty());
            await().atMost(TestSocket.WAIT).until(() -> orchestrator.closed().stream().filter(kicked::equals).count() == 2);
            other.send("{\"type\":\"ping\"}");
            assertEquals("pong", other.next().path("type").asText());
        }
    }

    /** Controls as an orchestrator writes them (lower-case names); one this build does not know still moves the player. */
    @Test
    void readsControlsByTheirWireNamesAndIgnoresAnUnknownOne() {
        String to = location();
        String kicked = player();
        String walker = player();
        try (TestSocket kickedSocket = TestSocket.welcomed(vertx, base, kicked);
                TestSocket walkerSocket = TestSocket.welcomed(vertx, base, walker)) {
            redis.pubsub(String.class).publish(Channels.player(walker),
                    "{\"control\":\"teleport\",\"locationId\":\"" + to + "\",\"reason\":\"from a newer orchestrator\"}");
            redis.pubsub(String.class).publish(Channels.player(kicked), "{\"control\":\"kick\",\"reason\":\"raw kick\"}");

            assertEquals(CloseCodes.REPLACED, kickedSocket.awaitClose());
            assertEquals("raw kick", kickedSocket.closeReason());
            await().atMost(TestSocket.WAIT).until(() -> registry.locationOf(walker).equals(Optional.of(to)));
            walkerSocket.send("{\"type\":\"ping\"}");
            assertEquals("pong", walkerSocket.next().path("type").asText());
        }
    }

    @Test
    void dropsUnreadableMessagesAndKeepsDelivering() {
        String player = player();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            redis.pubsub(String.class).publish(Channels.player(player), "not json at all");
            redis.pubsub(String.class).publish(Channels.location("square"), "{\"locationId\":");
            publish(Channels.player(player), PlayerMessage.frame(marker("still here"), null));

            assertEquals("still here", socket.next().path("text").asText());
            assertThat(socket.framesBeforePong(), empty());
        }
    }

    @Test
    void resubscribesWhenTheRedisConnectionDrops() {
        String player = player();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            String lost = FanoutProbe.subscriberConnectionId(redis).orElseThrow();
            redis.execute("CLIENT", "KILL", "ID", lost);

            await().atMost(TestSocket.WAIT).until(() -> fanout.isActive()
                    && FanoutProbe.subscriberConnectionId(redis).filter(id -> !id.equals(lost)).isPresent());
            publish(Channels.player(player), PlayerMessage.frame(marker("after reconnect"), null));

            assertEquals("after reconnect", socket.next().path("text").asText());
            assertThat("delivered once, not by two subscriptions", socket.framesBeforePong(), empty());
            assertTrue(fanout.isActive());
        }
    }

    private void publish(String channel, Object message) {
        FanoutProbe.publish(redis, channel, message);
    }

    private static String marker(String text) {
        return "{\"type\":\"event\",\"kind\":\"say\",\"from\":\"test\",\"text\":\"" + text + "\"}";
    }

    private static String player() {
        return "fan-" + UUID.randomUUID();
    }

    private static String location() {
        return "loc-" + UUID.randomUUID();
    }
}
