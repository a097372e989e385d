package com.langomni.orchestrator.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.bus.Channels;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestGateways;
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
import com.langomni.orchestrator.common.RedisKeys;

@QuarkusTest
class SessionTests {

    @Inject
    RedisDataSource redis;

    @Inject
    World world;

    private final List<PubSubCommands.RedisSubscriber> subscribers = new CopyOnWriteArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscribers.forEach(PubSubCommands.RedisSubscriber::unsubscribe);
    }

    @Test
    void openingASessionWelcomesThePlayerAndAnnouncesThem() {
        TestPlayer player = TestPlayer.register();
        String start = world.startLocationId();
        List<String> room = subscribe(Channels.location(start));

        player.post(TestGateways.session(player.id(), "open")).then()
                .statusCode(200)
                .body("welcome.player.id", equalTo(player.id()))
                .body("welcome.player.locationId", equalTo(start))
                .body("welcome.location.id", equalTo(start))
                .body("welcome.location.players.id", hasItem(player.id()))
                .body("outbox.seq", equalTo(0))
                .body("outbox.frames", org.hamcrest.Matchers.empty());

        assertTrue(online(start).contains(player.id()));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(room, player.name() + " appears.") == 1);
        player.get("/api/game/world/" + start).then().body("players.name", hasItem(player.name()));
        player.post(TestGateways.session(player.id(), "close")).then().statusCode(204);
    }

    @Test
    void twoSocketsOnTwoGatewaysCountOnceUntilTheLastCloses() {
        TestPlayer player = TestPlayer.register();
        String start = world.startLocationId();
        List<String> room = subscribe(Channels.location(start));
        String first = TestGateways.session(player.id(), "open", TestGateways.MAIN, "a");
        String second = TestGateways.session(player.id(), "open", TestGateways.OTHER, "b");

        player.post(first).then().statusCode(200);
        player.post(second).then().statusCode(200).body("welcome.location.players.id", hasItem(player.id()));
        player.post(second).then().statusCode(200); // the same socket reported twice is still one socket

        assertEquals(2, sockets(player));
        player.get("/api/game/world/" + start).then()
                .body("players.findAll { it.id == '" + player.id() + "' }.size()", equalTo(1));
        admin().get("/api/admin/players/" + player.id()).then().body("online", equalTo(true));
        admin().get("/api/admin/players?q=" + player.name()).then()
                .body("players.findAll { it.id == '" + player.id() + "' }.size()", equalTo(1))
                .body("players.find { it.id == '" + player.id() + "' }.online", equalTo(true));

        player.post(TestGateways.session(player.id(), "close", TestGateways.MAIN, "a")).then().statusCode(204);
        assertTrue(online(start).contains(player.id()));
        admin().get("/api/admin/players/" + player.id()).then().body("online", equalTo(true));

        player.post(TestGateways.session(player.id(), "close", TestGateways.OTHER, "b")).then().statusCode(204);
        assertFalse(online(start).contains(player.id()));
        player.get("/api/game/world/" + start).then().body("players.id", not(hasItem(player.id())));
        admin().get("/api/admin/players/" + player.id()).then().body("online", equalTo(false));

        await().atMost(Duration.ofSeconds(10)).until(() -> count(room, player.name() + " fades away.") == 1);
        assertEquals(1, count(room, player.name() + " appears."), room::toString);
        // a stray close after the last one announces nothing and leaves nothing behind
        player.post(TestGateways.session(player.id(), "close", TestGateways.OTHER, "b")).then().statusCode(204);
        assertEquals(0, sockets(player));
        assertEquals(1, count(room, player.name() + " fades away."), room::toString);
    }

    @Test
    void aSessionMustNameItsSocket() {
        TestPlayer player = TestPlayer.register();
        String base = "/internal/sessions/" + player.id();
        for (String query : List.of("", "?gateway=g1", "?connection=c1", "?gateway=&connection=c1",
                "?gateway=g%2F1&connection=c1", "?gateway=g1&connection=" + "c".repeat(129),
                "?gateway=g%201&connection=c1", "?gateway=-g&connection=c1")) {
            player.post(base + "/open" + query).then().statusCode(400).body("code", equalTo("bad_request"));
            player.post(base + "/close" + query).then().statusCode(400).body("code", equalTo("bad_request"));
        }
        assertFalse(online(world.startLocationId()).contains(player.id()));
        assertEquals(0, sockets(player));
    }

    @Test
    void presenceFollowsAnOnlinePlayerWhoMoves() {
        TestPlayer player = TestPlayer.register();
        Exit exit = new TestWorld(world).openExitOfStart();
        player.post(TestGateways.session(player.id(), "open")).then().statusCode(200);

        player.ok("go " + exit.direction()).then().body("location.players.id", hasItem(player.id()));

        assertFalse(online(world.startLocationId()).contains(player.id()));
        assertTrue(online(exit.to()).contains(player.id()));
        player.post(TestGateways.session(player.id(), "close")).then().statusCode(204);
        assertFalse(online(exit.to()).contains(player.id()));
    }

    @Test
    void anOfflinePlayerActingIsNotListedAsPresent() {
        TestPlayer player = TestPlayer.register();
        player.ok("look").then().body("location.players.id", not(hasItem(player.id())));
        assertFalse(online(world.startLocationId()).contains(player.id()));
    }

    private java.util.Set<String> online(String locationId) {
        return redis.hash(String.class).hkeys("langomni:room:" + locationId).stream()
                .collect(java.util.stream.Collectors.toSet());
    }

    private long sockets(TestPlayer player) {
        return redis.set(String.class).scard(RedisKeys.sockets(player.id()));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", TestAdmin.bearer());
    }

    private static long count(List<String> messages, String text) {
        return messages.stream().filter(m -> m.contains(text)).count();
    }

    private List<String> subscribe(String channel) {
        List<String> received = new CopyOnWriteArrayList<>();
        subscribers.add(redis.pubsub(String.class).subscribe(channel, received::add));
        return received;
    }
}
