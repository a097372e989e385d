package com.langomni.orchestrator.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.bus.Channels;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestGateways;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.langomni.orchestrator.common.RedisKeys;

/**
 * Gateways heartbeat; one that stops is declared dead after langomni.presence.dead-after (4 s in %test) and the
 * reaper (every 250 ms, one replica at a time) closes its sockets as if it had reported each close.
 */
@QuarkusTest
class PresenceReaperTests {

    @Inject
    RedisDataSource redis;

    @Inject
    World world;

    @Inject
    PresenceReaper reaper;

    @Inject
    PresenceConfig config;

    @Inject
    Presence presence;

    private final List<PubSubCommands.RedisSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void reaperIsPastItsStartGrace() {
        // after a start a replica condemns nobody for a whole dead-after (gateways get time to heartbeat again)
        await().atMost(config.deadAfter().plusSeconds(10)).until(reaper::mayCondemn);
    }

    @AfterEach
    void cleanUp() {
        heartbeats.shutdownNow();
        subscribers.forEach(PubSubCommands.RedisSubscriber::unsubscribe);
    }

    @Test
    void aGatewayThatStopsHeartbeatingHasItsPlayersOfflineWithinTheThresholdAndALiveOnesAreUntouched() {
        String dead = gateway("dead");
        String live = gateway("live");
        TestPlayer gone = TestPlayer.register();
        TestPlayer stays = TestPlayer.register();
        String start = world.startLocationId();
        List<String> room = subscribe(Channels.location(start));
        heartbeat(live);
        heartbeats.scheduleAtFixedRate(() -> beat(live), 200, 200, TimeUnit.MILLISECONDS);

        long lastHeartbeat = System.nanoTime();
        heartbeat(dead);
        open(gone, dead, "c1");
        open(gone, dead, "c2"); // two sockets on the dying gateway: one "fades away" all the same
        open(stays, live, "c1");
        assertTrue(online(start).contains(gone.id()));

        // the bound: dead-after, then at most one reaper interval to notice, plus slack for a loaded machine
        await().atMost(config.deadAfter().plus(config.reaperInterval()).plusSeconds(3))
                .until(() -> !online(start).contains(gone.id()));
        long offlineAfter = System.nanoTime() - lastHeartbeat;
        assertTrue(offlineAfter >= config.deadAfter().toNanos(), "not before the threshold: " + offlineAfter);

        assertEquals(0, redis.set(String.class).scard(RedisKeys.sockets(gone.id())));
        admin().get("/api/admin/players/" + gone.id()).then().body("online", equalTo(false));
        gone.get("/api/game/world/" + start).then()
                .body("players.findAll { it.id == '" + gone.id() + "' }.size()", equalTo(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> count(room, gone.name() + " fades away.") == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !redis.set(String.class)
                .smembers(RedisKeys.condemnedGateways()).contains(dead));
        assertTrue(redis.sortedSet(String.class).zscore(RedisKeys.gateways(), dead).isEmpty());

        // the live gateway's player was never touched
        assertTrue(online(start).contains(stays.id()));
        assertEquals(1, redis.set(String.class).scard(RedisKeys.sockets(stays.id())));
        admin().get("/api/admin/players/" + stays.id()).then().body("online", equalTo(true));
        assertEquals(0, count(room, stays.name() + " fades away."), room::toString);

        // the gateway's own late close of a reaped socket changes nothing and announces nothing
        gone.post(TestGateways.session(gone.id(), "close", dead, "c1")).then().statusCode(204);
        assertEquals(1, count(room, gone.name() + " fades away."), room::toString);
        stays.post(TestGateways.session(stays.id(), "close", live, "c1")).then().statusCode(204);
    }

    @Test
    void aGatewayDeclaredDeadIsToldToResetOnceWhenItComesBackAndItsNewSocketsStay() {
        String gateway = gateway("stalled");
        TestPlayer before = TestPlayer.register();
        TestPlayer after = TestPlayer.register();
        String start = world.startLocationId();

        heartbeat(gateway).body("reset", equalTo(true)); // never seen: nothing of it is known
        heartbeat(gateway).body("reset", equalTo(false));
        open(before, gateway, "c1");
        await().atMost(config.deadAfter().plus(config.reaperInterval()).plusSeconds(3))
                .until(() -> !online(start).contains(before.id()));

        // it was only stalled: a socket it opens now counts, and its next heartbeat tells it to drop the old ones
        open(after, gateway, "c2");
        heartbeat(gateway).body("reset", equalTo(true));
        heartbeat(gateway).body("reset", equalTo(false));
        heartbeats.scheduleAtFixedRate(() -> beat(gateway), 200, 200, TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> !redis.set(String.class)
                .smembers(RedisKeys.condemnedGateways()).contains(gateway));
        ranRounds(2);
        assertTrue(online(start).contains(after.id()));
        assertFalse(online(start).contains(before.id()));
        after.post(TestGateways.session(after.id(), "close", gateway, "c2")).then().statusCode(204);
    }

    @Test
    void oneReaperRunsAtATimeAndNoneWhileAnotherHoldsTheLease() {
        String gateway = gateway("silent");
        TestPlayer player = TestPlayer.register();
        String start = world.startLocationId();

        // another replica's round holds the lease: nobody reaps
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.value(String.class)
                .setnx(RedisKeys.presenceReaper(), "another-replica"));
        redis.key().pexpire(RedisKeys.presenceReaper(), 20_000);
        open(player, gateway, "c1");
        // silent for a minute already
        redis.sortedSet(String.class).zadd(RedisKeys.gateways(), System.currentTimeMillis() - 60_000, gateway);
        assertFalse(reaper.round().await().atMost(Duration.ofSeconds(5)).ran());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> online(start).contains(player.id()));
        assertEquals("another-replica", redis.value(String.class).get(RedisKeys.presenceReaper()));

        // two rounds at once on this replica: at most one runs
        redis.key().del(RedisKeys.presenceReaper());
        List<PresenceReaper.Round> rounds = Uni.join().all(reaper.round(), reaper.round()).andFailFast().await().atMost(Duration.ofSeconds(30));
        assertTrue(rounds.stream().filter(PresenceReaper.Round::ran).count() <= 1, rounds::toString);

        await().atMost(Duration.ofSeconds(5)).until(() -> !online(start).contains(player.id()));
        assertNull(redis.value(String.class).get(RedisKeys.presenceReaper()), "every round gives the lease back");
    }

    @Test
    void theHeartbeatRejectsIdsNoGatewayCouldHave() {
        for (String id : List.of("has%20space", "-leading-dash", "x".repeat(129), "semi%3Bcolon", "%C3%A9t%C3%A9")) {
            given().post("/internal/gateways/" + id + "/heartbeat").then()
                    .statusCode(400)
                    .body("code", equalTo("bad_request"));
        }
        given().post("/internal/gateways/gw-1.node_a/heartbeat").then().statusCode(200);
        given().get("/internal/gateways/gw-1/heartbeat").then().statusCode(405);
    }

    @Test
    void aRosterEntryWithoutASocketIsSweptAway() {
        String start = world.startLocationId();
        String ghost = UUID.randomUUID().toString();
        TestPlayer online = TestPlayer.register();
        online.connect();
        // as left by the counter this replaced, or a partial loss of Redis data
        redis.hash(String.class).hset(RedisKeys.presence(start), ghost, "Ghost");

        assertTrue(presence.sweep(start).await().atMost(Duration.ofSeconds(5)) >= 1);

        assertFalse(online(start).contains(ghost));
        assertTrue(online(start).contains(online.id()));
        online.disconnect();
    }

    @Test
    void aNewGatewaysFirstHeartbeatKeepsTheSocketsItAdmittedBeforeIt() {
        String gateway = gateway("new");
        TestPlayer early = TestPlayer.register();

        open(early, gateway, "c1"); // players connect as soon as a gateway is up, before its first beat is answered
        heartbeat(gateway, true).body("reset", equalTo(false));
        heartbeat(gateway, false).body("reset", equalTo(false));
        assertTrue(online(world.startLocationId()).contains(early.id()));
        early.post(TestGateways.session(early.id(), "close", gateway, "c1")).then().statusCode(204);

        // only a condemnation resets a first heartbeat (a fixed instance id reused after the gateway was declared dead)
        String reused = gateway("reused");
        heartbeat(reused, true).body("reset", equalTo(false));
        redis.value(String.class).set(RedisKeys.gatewayReset(reused), "1"); // what a condemnation leaves
        heartbeat(reused, true).body("reset", equalTo(true));
    }

    private static String gateway(String role) {
        return "test-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static io.restassured.response.ValidatableResponse heartbeat(String gateway) {
        return heartbeat(gateway, false);
    }

    private static io.restassured.response.ValidatableResponse heartbeat(String gateway, boolean first) {
        return given().queryParam("first", first).post("/internal/gateways/" + gateway + "/heartbeat").then()
                .statusCode(200);
    }

    /** A heartbeat from the background: a failed one is only a missed beat. */
    private static void beat(String gateway) {
        try {
            given().post("/internal/gateways/" + gateway + "/heartbeat");
        } catch (RuntimeException e) {
            // the next one is 200 ms away
        }
    }

    private static void open(TestPlayer player, String gateway, String connection) {
        player.post(TestGateways.session(player.id(), "open", gateway, connection)).then().statusCode(200);
    }

    /** Waits until this replica itself ran {@code n} more rounds (the periodic ones may hold the lease). */
    private void ranRounds(int n) {
        for (int i = 0; i < n; i++) {
            await().atMost(Duration.ofSeconds(10)).until(() -> reaper.round().await().atMost(Duration.ofSeconds(5)).ran());
        }
    }

    private java.util.Set<String> online(String locationId) {
        return new java.util.HashSet<>(redis.hash(String.class).hkeys(RedisKeys.presence(locationId)));
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
