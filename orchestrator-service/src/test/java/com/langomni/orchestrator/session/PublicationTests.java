package com.langomni.orchestrator.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.bus.Channels;
import com.langomni.api.protocol.EventKinds;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.orchestrator.support.TestWorld;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublicationTests {

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @Inject
    World world;

    private final List<PubSubCommands.RedisSubscriber> subscribers = new CopyOnWriteArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscribers.forEach(PubSubCommands.RedisSubscriber::unsubscribe);
    }

    @Test
    void theResultFrameGoesToThePlayerChannelTaggedWithTheLocation() throws Exception {
        TestPlayer player = TestPlayer.register();
        List<String> messages = subscribe(Channels.player(player.id()));
        Exit exit = new TestWorld(world).openExitOfStart();

        player.act("move-1", "go " + exit.direction()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> messages.stream().anyMatch(m -> m.contains("\"frame\"")));
        // Gateways learn of the move before the result, which waits for narration.
        JsonNode moved = json.readTree(messages.get(0));
        assertEquals("moved", moved.get("control").asText());
        assertEquals(exit.to(), moved.get("locationId").asText());
        JsonNode message = json.readTree(messages.stream().filter(m -> m.contains("\"frame\"")).findFirst().orElseThrow());
        assertEquals(exit.to(), message.get("locationId").asText());
        assertNull(message.get("control"));
        JsonNode frame = json.readTree(message.get("frame").asText());
        assertEquals("result", frame.get("type").asText());
        assertEquals("move-1", frame.get("actionId").asText());
        assertEquals("rules", frame.get("source").asText());
        assertEquals(exit.to(), frame.at("/player/locationId").asText());
        assertEquals(exit.to(), frame.at("/location/id").asText());
    }

    @Test
    void whatAPlayerSaysReachesTheRoomButNotAsTheirOwnEvent() throws Exception {
        TestPlayer player = TestPlayer.register();
        List<String> room = subscribe(Channels.location(world.startLocationId()));

        player.ok("say hello there");

        await().atMost(Duration.ofSeconds(10)).until(() -> room.stream().anyMatch(m -> m.contains(player.name())));
        JsonNode event = json.readTree(room.stream().filter(m -> m.contains(player.name())).findFirst().orElseThrow());
        assertEquals(world.startLocationId(), event.get("locationId").asText());
        assertEquals(player.id(), event.get("excludePlayerId").asText());
        assertEquals("event", event.at("/event/type").asText());
        assertEquals(EventKinds.SAY, event.at("/event/kind").asText());
        assertEquals(player.name(), event.at("/event/from").asText());
        assertEquals(player.name() + " says, \"hello there\"", event.at("/event/text").asText());
    }

    @Test
    void aMoveIsAnnouncedInBothRooms() {
        TestPlayer player = TestPlayer.register();
        Exit exit = new TestWorld(world).openExitOfStart();
        List<String> origin = subscribe(Channels.location(world.startLocationId()));
        List<String> destination = subscribe(Channels.location(exit.to()));

        player.ok("go " + exit.direction());

        await().atMost(Duration.ofSeconds(10)).until(() ->
                origin.stream().anyMatch(m -> m.contains(player.name()) && m.contains("\"" + EventKinds.LEFT + "\""))
                        && destination.stream().anyMatch(m -> m.contains(player.name())
                        && m.contains("\"" + EventKinds.ARRIVED + "\"")));
    }

    private List<String> subscribe(String channel) {
        List<String> received = new CopyOnWriteArrayList<>();
        subscribers.add(redis.pubsub(String.class).subscribe(channel, received::add));
        return received;
    }
}
