package com.langomni.orchestrator.trade;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.state.PlayerStateStore;
import com.langomni.orchestrator.game.world.JsonArrayConverters;
import com.langomni.orchestrator.support.Database;
import com.langomni.orchestrator.support.TestPlayer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import java.time.Duration;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Trades over the real pipeline (PostgreSQL, Redis, both turn locks): refusals, the swap and its event row, and many
 * offers and accepts at once between a ring of players, where every accept waits on two locks that its neighbours
 * also want: nothing is duplicated or lost, and nothing deadlocks.
 */
@QuarkusTest
class TradeTests {

    private static final int DEADLINE_SECONDS = 60;

    @Inject
    World world;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PlayerStateStore hot;

    @Inject
    RedisDataSource redis;

    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Distinct carryable items of the pack, each with a name no other item has. */
    private List<ItemDef> distinctItems(int count) {
        Map<String, Long> names = world.items().values().stream()
                .collect(Collectors.groupingBy(ItemDef::name, Collectors.counting()));
        List<ItemDef> items = world.items().values().stream().filter(ItemDef::takeable)
                .filter(i -> names.get(i.name()) == 1).sorted(java.util.Comparator.comparing(ItemDef::id)).toList();
        assertTrue(items.size() >= count, "the pack has " + items.size() + " distinct carryable items");
        return items.subList(0, count);
    }

    private void pack(TestPlayer player, List<String> items) {
        new Database(dataSource).update("update players set inventory = cast(? as jsonb), version = version + 1 "
                + "where id = cast(? as uuid)", JsonArrayConverters.write(items), player.id());
        hot.evict(player.id()).await().atMost(java.time.Duration.ofSeconds(5));
    }

    private List<String> packOf(TestPlayer player) {
        String json = (String) new Database(dataSource).one("select cast(inventory as text) as inv from players "
                + "where id = cast(? as uuid)", player.id()).get("inv");
        return JsonArrayConverters.read(json);
    }

    private String name(String itemId) {
        return world.item(itemId).orElseThrow().name();
    }

    @Test
    void aTradeSwapsBothPacksRecordsItAndTellsTheOtherSide() {
        List<ItemDef> items = distinctItems(3);
        TestPlayer ada = TestPlayer.register();
        TestPlayer bo = TestPlayer.register();
        pack(ada, List.of(items.get(0).id(), items.get(2).id()));
        pack(bo, List.of(items.get(1).id()));

        Response offered = ada.ok("offer " + items.get(0).name() + " to " + bo.name() + " for " + items.get(1).name());
        assertTrue(offered.<String>path("text").startsWith("You offer the " + items.get(0).name() + " to "
                + bo.name()), offered.asString());
        Response accepted = bo.ok("accept");
        assertEquals("You trade with " + ada.name() + ": you give the " + items.get(1).name() + " and get the "
                + items.get(0).name() + ".", accepted.path("text"));
        assertEquals(List.of(items.get(0).id()), accepted.path("player.inventory.id"));
        assertEquals(List.of(items.get(2).id(), items.get(1).id()), packOf(ada));
        assertEquals(List.of(items.get(0).id()), packOf(bo));
        // the hot copy of the offerer was written through: their next action sees the new pack
        assertEquals(List.of(items.get(2).id(), items.get(1).id()), ada.ok("inventory").path("player.inventory.id"));
        Map<String, Object> event = new Database(dataSource).one("select verb, success, cast(facts as text) as facts "
                + "from events where player_id = cast(? as uuid) and verb = 'accept'", bo.id());
        assertEquals(true, event.get("success"));
        assertTrue(((String) event.get("facts")).contains("\"kind\": \"trade_accepted\""), event.toString());
        assertTrue(((String) event.get("facts")).contains(ada.id()), event.toString());
        // the offer is gone with the trade
        assertEquals("No one has offered you anything.", bo.ok("accept").path("text"));
    }

    @Test
    void refusalsChangeNothing() {
        List<ItemDef> items = distinctItems(2);
        TestPlayer ada = TestPlayer.register();
        TestPlayer bo = TestPlayer.register();
        pack(ada, List.of(items.get(0).id()));
        pack(bo, List.of());
        String item = items.get(0).name();
        assertEquals("You don't have that.", ada.ok("offer " + items.get(1).name() + " to " + bo.name()).path("text"));
        assertEquals("You can't do that with yourself.", ada.ok("offer " + item + " to " + ada.name()).path("text"));
        assertEquals("There is no player called nobody" + "x9.", ada.ok("offer " + item + " to nobodyx9").path("text"));
        assertEquals("No one has offered you anything.", bo.ok("accept").path("text"));
        assertEquals("No one has offered you anything.", bo.ok("decline").path("text"));
        assertEquals("You have no offer waiting to be withdrawn.", ada.ok("cancel").path("text"));

        ada.ok("offer " + item + " to " + bo.name());
        assertEquals("You withdraw your offer of the " + item + " to " + bo.name() + ".", ada.ok("cancel").path("text"));
        assertEquals("No one has offered you anything.", bo.ok("accept").path("text"));

        ada.ok("offer " + item + " to " + bo.name());
        assertEquals("You decline " + ada.name() + "'s offer of the " + item + ".", bo.ok("decline").path("text"));
        assertEquals("No one has offered you anything.", bo.ok("accept").path("text"));

        // moved apart after the offer: refused at accept time, the offer stands
        ada.ok("offer " + item + " to " + bo.name());
        new Database(dataSource).update("update players set location_id = ?, version = version + 1 "
                + "where id = cast(? as uuid)", otherPlace(), ada.id());
        hot.evict(ada.id()).await().atMost(java.time.Duration.ofSeconds(5));
        assertEquals("You and " + ada.name() + " are not in the same place; trades are made face to face.",
                bo.ok("accept").path("text"));
        assertEquals(List.of(items.get(0).id()), packOf(ada));
        assertEquals(List.of(), packOf(bo));
        // the offered item gone: the offer is void, and deleted
        new Database(dataSource).update("update players set location_id = ?, inventory = '[]', version = version + 1 "
                + "where id = cast(? as uuid)", world.startLocationId(), ada.id());
        hot.evict(ada.id()).await().atMost(java.time.Duration.ofSeconds(5));
        assertEquals("The offer is void: " + ada.name() + " no longer has the " + item + ".",
                bo.ok("accept").path("text"));
        assertEquals("No one has offered you anything.", bo.ok("accept").path("text"));
    }

    @Test
    void anOfferLapses() {
        List<ItemDef> items = distinctItems(1);
        TestPlayer ada = TestPlayer.register();
        TestPlayer bo = TestPlayer.register();
        pack(ada, List.of(items.get(0).id()));
        ada.ok("offer " + items.get(0).name() + " to " + bo.name());
        new Database(dataSource).update("update trade_offers set expires_at = now() - interval '1 second' "
                + "where offerer_id = cast(? as uuid)", ada.id());
        assertEquals("No one has offered you anything.", bo.ok("accept").path("text"));
    }

    /**
     * An accept takes the offerer's turn lock as well as the accepter's: it waits while the offerer acts, and when
     * the offerer stays busy past the wait it is refused (503 busy) with nothing applied and the offer standing.
     */
    @Test
    void anAcceptWaitsForTheOfferersTurnAndGivesUpCleanly() {
        List<ItemDef> items = distinctItems(1);
        TestPlayer ada = TestPlayer.register();
        TestPlayer bo = TestPlayer.register();
        pack(ada, List.of(items.get(0).id()));
        pack(bo, List.of());
        ada.ok("offer " + items.get(0).name() + " to " + bo.name());
        String key = "langomni:lock:" + ada.id();

        redis.value(String.class).set(key, "ada-acting", new SetArgs().px(Duration.ofSeconds(30)));
        Response busy = bo.act("accept");
        assertEquals(503, busy.statusCode(), busy.asString());
        assertEquals("busy", busy.path("code"));
        assertEquals(List.of(items.get(0).id()), packOf(ada));
        assertEquals(List.of(), packOf(bo));

        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> bo.act("accept"), pool);
        try {
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        } finally {
            redis.key().del(key);
        }
        Response accepted = waiting.join();
        assertEquals(200, accepted.statusCode(), accepted.asString());
        assertEquals(List.of(items.get(0).id()), packOf(bo));
        assertEquals(List.of(), packOf(ada));
    }

    private String otherPlace() {
        return world.locations().keySet().stream().filter(id -> !id.equals(world.startLocationId())).findFirst()
                .orElseThrow();
    }

    /**
     * A ring of players, each holding two items no one else has: every round each offers one of theirs to the next
     * for one of the next one's, all at once, then each accepts the offer of the previous one, all at once. Each
     * accept needs its own lock and its neighbour's, and its neighbour's accept needs that one and the next: in any
     * other order than a global one this is the dining philosophers. Whatever was refused (the wanted item already
     * traded away, a neighbour busy past the wait), every item is in exactly one pack at the end.
     */
    @Test
    void aRingOfConcurrentTradesConservesEveryItemAndNeverDeadlocks() throws Exception {
        int players = 6;
        List<ItemDef> items = distinctItems(players * 2);
        List<TestPlayer> ring = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            TestPlayer player = TestPlayer.register();
            List<String> pack = List.of(items.get(2 * i).id(), items.get(2 * i + 1).id());
            pack(player, pack);
            all.addAll(pack);
            ring.add(player);
        }
        Map<Integer, Integer> statuses = new HashMap<>();
        int traded = 0;
        long started = System.nanoTime();
        for (int round = 0; round < 3; round++) {
            List<CompletableFuture<Response>> offers = new ArrayList<>();
            for (int i = 0; i < players; i++) {
                TestPlayer me = ring.get(i);
                TestPlayer next = ring.get((i + 1) % players);
                List<String> mine = packOf(me);
                List<String> theirs = packOf(next);
                if (mine.isEmpty() || theirs.isEmpty()) {
                    continue;
                }
                String text = "offer " + name(mine.get(round % mine.size())) + " to " + next.name() + " for "
                        + name(theirs.get(0));
                offers.add(CompletableFuture.supplyAsync(() -> me.act(text), pool));
            }
            for (CompletableFuture<Response> offer : offers) {
                statuses.merge(offer.get(DEADLINE_SECONDS, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
            }
            List<CompletableFuture<Response>> accepts = new ArrayList<>();
            for (int i = 0; i < players; i++) {
                TestPlayer me = ring.get(i);
                TestPlayer previous = ring.get((i + players - 1) % players);
                accepts.add(CompletableFuture.supplyAsync(() -> me.act("accept " + previous.name()), pool));
            }
            for (CompletableFuture<Response> accept : accepts) {
                Response answer = accept.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                if (answer.statusCode() == 200 && answer.<String>path("text").startsWith("You trade with")) {
                    traded++;
                }
            }
            List<String> now = new ArrayList<>();
            ring.forEach(p -> now.addAll(packOf(p)));
            assertEquals(all.stream().sorted().toList(), now.stream().sorted().toList(),
                    "round " + round + ": every item in exactly one pack");
        }
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < DEADLINE_SECONDS, "no deadlock");
        assertTrue(traded > 0, "some trades went through: " + statuses);
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 503 || s == 429), statuses.toString());
        long logged = ((Number) new Database(dataSource).one("select count(*) as n from events where verb = 'accept' "
                + "and success and player_id in (" + ring.stream().map(p -> "cast('" + p.id() + "' as uuid)")
                .collect(Collectors.joining(",")) + ")").get("n")).longValue();
        assertEquals(traded, logged, "every trade is in the event log, once");
    }

    /** Two players accepting each other's offers at the same moment, again and again: the crossing never hangs. */
    @Test
    void crossingAcceptsNeverDeadlock() throws Exception {
        List<ItemDef> items = distinctItems(2);
        TestPlayer ada = TestPlayer.register();
        TestPlayer bo = TestPlayer.register();
        pack(ada, List.of(items.get(0).id()));
        pack(bo, List.of(items.get(1).id()));
        // two rounds: three actions a player per round stay inside the rate limit's burst (8)
        for (int round = 0; round < 2; round++) {
            String adaHas = name(packOf(ada).get(0));
            String boHas = name(packOf(bo).get(0));
            ada.ok("offer " + adaHas + " to " + bo.name() + " for " + boHas);
            bo.ok("offer " + boHas + " to " + ada.name() + " for " + adaHas);
            CompletableFuture<Response> one = CompletableFuture.supplyAsync(() -> ada.act("accept"), pool);
            CompletableFuture<Response> two = CompletableFuture.supplyAsync(() -> bo.act("accept"), pool);
            int a = one.get(DEADLINE_SECONDS, TimeUnit.SECONDS).statusCode();
            int b = two.get(DEADLINE_SECONDS, TimeUnit.SECONDS).statusCode();
            assertTrue(List.of(200, 503).contains(a) && List.of(200, 503).contains(b), a + " " + b);
            List<String> both = new ArrayList<>(packOf(ada));
            both.addAll(packOf(bo));
            assertEquals(List.of(items.get(0).id(), items.get(1).id()).stream().sorted().toList(),
                    both.stream().sorted().toList());
            assertEquals(1, packOf(ada).size());
            ada.ok("cancel");
            bo.ok("cancel");
        }
    }
}
