package com.langomni.orchestrator.game.state;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.Database;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.orchestrator.support.TestWorld;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlayerLockTests {

    @Inject
    World world;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "langomni.game.lock.wait-timeout")
    Duration waitTimeout;

    /** Without the lock both takes would start from the same empty pack and one item would be lost. */
    @Test
    void twoConcurrentActionsOfOnePlayerRunOneAfterTheOther() {
        TestWorld map = new TestWorld(world);
        TestPlayer player = TestPlayer.register();
        TestWorld.Route route = map.routeTo(l -> map.takeable(l).size() >= 2);
        route.directions().forEach(direction -> player.ok("go " + direction));
        List<ItemDef> items = map.takeableNow(player, route.destination()).subList(0, 2);

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> player.act("take " + items.get(0).name()));
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> player.act("take " + items.get(1).name()));
        first.join().then().statusCode(200);
        second.join().then().statusCode(200);

        player.get("/api/game/player/" + player.id()).then()
                .body("inventory.id", hasItems(items.get(0).id(), items.get(1).id()));
        Database db = new Database(dataSource);
        String inventory = (String) db.player(player.id()).get("inventory");
        assertTrue(inventory.contains(items.get(0).id()) && inventory.contains(items.get(1).id()), inventory);
        List<Map<String, Object>> takes = db.events(player.id()).stream()
                .filter(e -> "take".equals(e.get("verb"))).toList();
        assertEquals(2, takes.size());
        assertTrue(takes.stream().allMatch(e -> Boolean.TRUE.equals(e.get("success"))), takes::toString);
        items.forEach(item -> player.ok("drop " + item.name()));
    }

    @Test
    void anActionWaitsItsTurnWhileTheLockIsHeld() {
        TestPlayer player = TestPlayer.register();
        String key = "langomni:lock:" + player.id();
        redis.value(String.class).set(key, "first-action", new SetArgs().px(Duration.ofSeconds(30)));
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> player.act("look"));
        try {
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        } finally {
            redis.key().del(key);
        }
        waiting.join().then().statusCode(200);
        assertEquals(1, new Database(dataSource).events(player.id()).size());
    }

    @Test
    void anActionThatCannotGetTheLockInTimeIsBusyAndNotApplied() {
        TestPlayer player = TestPlayer.register();
        redis.value(String.class).set("langomni:lock:" + player.id(), "someone-else", new SetArgs().px(Duration.ofSeconds(30)));
        try {
            long started = System.nanoTime();
            player.act("look").then().statusCode(503).body("code", equalTo("busy"));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(waited.compareTo(waitTimeout) >= 0, waited::toString);
        } finally {
            redis.key().del("langomni:lock:" + player.id());
        }
        assertTrue(new Database(dataSource).events(player.id()).isEmpty());
        player.ok("look");
        assertEquals("look", new Database(dataSource).events(player.id()).get(0).get("verb"));
    }

    @Test
    void theLockIsReleasedAfterEachAction() {
        TestPlayer player = TestPlayer.register();
        player.ok("look");
        player.act("take the moon").then().statusCode(200);
        assertEquals(null, redis.value(String.class).get("langomni:lock:" + player.id()));
    }
}
