package com.langomni.orchestrator.session;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.langomni.api.bus.Channels;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.TestGateways;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A player's socket limits (%test keeps the defaults: 3 sockets at once, 10 opens a minute), on every gateway. */
@QuarkusTest
class SocketLimitsTests {

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
    void aFourthSocketIsRefusedAndTheOpenOnesGoOn() {
        TestPlayer player = TestPlayer.register();
        player.post(open(player, TestGateways.MAIN, "a")).then().statusCode(200);
        player.post(open(player, TestGateways.OTHER, "b")).then().statusCode(200);
        player.post(open(player, TestGateways.MAIN, "c")).then().statusCode(200);

        player.post(open(player, TestGateways.OTHER, "d")).then()
                .statusCode(429)
                .body("code", equalTo("too_many_sockets"))
                .body("message", equalTo("You have 3 game windows open already; close one, then connect again."));
        assertEquals(3, sockets(player));
        player.post(open(player, TestGateways.MAIN, "a")).then().statusCode(200); // one already counted, reported again

        player.post(TestGateways.session(player.id(), "close", TestGateways.OTHER, "b")).then().statusCode(204);
        player.post(open(player, TestGateways.OTHER, "d")).then().statusCode(200);
        assertEquals(3, sockets(player));
        closeAll(player, List.of("a", "c"), List.of("d"));
    }

    @Test
    void openingAndClosingInALoopIsCutOffAndTheRoomHearsNoMore() {
        TestPlayer player = TestPlayer.register();
        List<String> room = subscribe(Channels.location(world.startLocationId()));

        for (int i = 0; i < 10; i++) {
            player.post(open(player, TestGateways.MAIN, "loop" + i)).then().statusCode(200);
            player.post(TestGateways.session(player.id(), "close", TestGateways.MAIN, "loop" + i)).then().statusCode(204);
        }
        player.post(open(player, TestGateways.MAIN, "loop10")).then()
                .statusCode(429)
                .body("code", equalTo("too_many_opens"))
                .body("message", equalTo("You connected 10 times within a minute; wait a few seconds, then connect again."));
        player.post(open(player, TestGateways.OTHER, "elsewhere")).then().statusCode(429).body("code", equalTo("too_many_opens"));

        assertEquals(0, sockets(player));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(room, player.name() + " fades away.") == 10);
        assertEquals(10, count(room, player.name() + " appears."));
        player.get("/api/game/world/" + world.startLocationId()).then()
                .body("players.findAll { it.id == '" + player.id() + "' }.size()", equalTo(0));
    }

    /** The bucket refills over the minute: a token back every 6 s, so waiting works (shown by aging the bucket). */
    @Test
    void theOpenBudgetComesBackWithTime() {
        TestPlayer player = TestPlayer.register();
        for (int i = 0; i < 10; i++) {
            player.post(open(player, TestGateways.MAIN, "s" + i)).then().statusCode(200);
            player.post(TestGateways.session(player.id(), "close", TestGateways.MAIN, "s" + i)).then().statusCode(204);
        }
        player.post(open(player, TestGateways.MAIN, "s10")).then().statusCode(429).body("code", equalTo("too_many_opens"));

        String bucket = RedisKeys.socketOpens(player.id());
        long ts = Long.parseLong(redis.hash(String.class).hget(bucket, "ts"));
        redis.hash(String.class).hset(bucket, "ts", Long.toString(ts - 6_500)); // as if 6.5 s had passed

        player.post(open(player, TestGateways.MAIN, "s10")).then().statusCode(200);
        player.post(open(player, TestGateways.MAIN, "s11")).then().statusCode(429).body("code", equalTo("too_many_opens"));
        player.post(TestGateways.session(player.id(), "close", TestGateways.MAIN, "s10")).then().statusCode(204);
    }

    /** An open refused for the cap costs no open: the player who closes a window connects at once. */
    @Test
    void refusalsForTheCapDoNotSpendTheOpenBudget() {
        TestPlayer player = TestPlayer.register();
        for (String c : List.of("a", "b", "c")) {
            player.post(open(player, TestGateways.MAIN, c)).then().statusCode(200);
        }
        for (int i = 0; i < 12; i++) {
            player.post(open(player, TestGateways.MAIN, "x" + i)).then().statusCode(429).body("code", equalTo("too_many_sockets"));
        }
        player.post(TestGateways.session(player.id(), "close", TestGateways.MAIN, "a")).then().statusCode(204);
        player.post(open(player, TestGateways.MAIN, "d")).then().statusCode(200);
        closeAll(player, List.of("b", "c", "d"), List.of());
    }

    private static String open(TestPlayer player, String gateway, String connection) {
        return TestGateways.session(player.id(), "open", gateway, connection);
    }

    private void closeAll(TestPlayer player, List<String> main, List<String> other) {
        main.forEach(c -> player.post(TestGateways.session(player.id(), "close", TestGateways.MAIN, c)).then().statusCode(204));
        other.forEach(c -> player.post(TestGateways.session(player.id(), "close", TestGateways.OTHER, c)).then().statusCode(204));
    }

    private long sockets(TestPlayer player) {
        return redis.set(String.class).scard(RedisKeys.sockets(player.id()));
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
