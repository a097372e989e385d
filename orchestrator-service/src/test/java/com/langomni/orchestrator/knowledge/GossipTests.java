package com.langomni.orchestrator.knowledge;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.memory.MemoryProvenance;
import com.langomni.api.memory.MemoryVisibility;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.orchestrator.common.RedisLease;
import com.langomni.orchestrator.memory.client.MemoryClient;
import com.langomni.orchestrator.game.rules.model.Whereabouts;
import com.langomni.orchestrator.game.rules.world.GameClock;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.ItemKind;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.FakeMemoryService;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.Scrape;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.orchestrator.support.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * News travels only through NPCs who meet: a real action (over HTTP, rules, PostgreSQL, the Redis memory queue) leaves
 * a witnessed memory with the NPC who saw it; an NPC elsewhere knows nothing of it, through a round where they are
 * apart too, until a round where they share a place; then it knows it once, attributed, and the admin panel says where
 * that knowledge came from. What nobody else saw is never passed on. Rounds are run by the test (the timer is off).
 */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class GossipTests {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @Inject
    World world;

    @Inject
    GameClock clock;

    @Inject
    FakeMemoryService memory;

    @Inject
    GossipRounds rounds;

    @Inject
    FakeLlmServices llm;

    @Inject
    RedisLease leases;

    @Inject
    MemoryClient memories;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void servicesUp() {
        memory.reset();
        memory.keepWrites(true);
        llm.reset();
        breakers.resetAll();
    }

    private static String alias(Npc npc) {
        return npc.aliases().stream().findFirst().orElse(npc.name());
    }

    /** The NPC's knowledge as the admin panel shows it (GET /api/admin/npcs/{id}: memories with provenance). */
    private static List<Map<String, Object>> knowledge(Npc npc) {
        return given().header("Authorization", TestAdmin.bearer()).get("/api/admin/npcs/" + npc.id())
                .then().statusCode(200).extract().jsonPath().getList("memories");
    }

    private static Optional<Map<String, Object>> about(Npc npc, String text) {
        return knowledge(npc).stream().filter(m -> String.valueOf(m.get("text")).contains(text)).findFirst();
    }

    @Test
    void anNpcElsewhereLearnsAWitnessedGiftOnlyWhenItMeetsTheWitness() {
        TestWorld map = new TestWorld(world);
        TestWorld.Route route = map.routeTo(l -> l.npcs().size() == 1 && map.takeable(l).stream()
                .anyMatch(i -> i.kind() != ItemKind.KEY));
        Location there = route.destination();
        Npc witness = world.npcs().get(there.npcs().get(0));
        Npc elsewhere = world.npcs().values().stream().sorted(java.util.Comparator.comparing(Npc::id))
                .filter(n -> !Whereabouts.npcIdsAt(world, clock, there.id(), 0).contains(n.id()))
                .filter(n -> !n.locationId().equals(there.id()) && reachable(map, n)).findFirst().orElseThrow();
        TestPlayer listener = TestPlayer.register(); // talks to the NPC elsewhere: what may its reply use?
        map.routeTo(l -> l.id().equals(elsewhere.locationId())).directions()
                .forEach(direction -> listener.ok("go " + direction));
        TestPlayer player = TestPlayer.register();
        route.directions().forEach(direction -> player.ok("go " + direction));
        ItemDef item = map.takeableNow(player, there).stream().filter(i -> i.kind() != ItemKind.KEY)
                .findFirst().orElseThrow();

        player.ok("attack " + alias(witness)); // refused, seen by nobody else: private, never gossiped
        player.ok("take " + item.name());
        player.ok("give the " + item.name() + " to " + alias(witness));

        String gift = player.name() + " gave me the " + item.name() + ".";
        await().atMost(DEADLINE).until(() -> about(witness, gift).isPresent()
                && about(witness, player.name() + " tried to attack me.").isPresent());
        Map<String, Object> seen = about(witness, gift).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> seenFrom = (Map<String, Object>) seen.get("provenance");
        assertEquals("witnessed", seenFrom.get("source"));
        assertEquals(there.id(), seenFrom.get("locationId"));
        assertEquals(0, seenFrom.get("hops"));
        String news = player.name() + " gave " + witness.name() + " the " + item.name() + " in " + there.name() + ".";
        assertEquals(news, seenFrom.get("gist"));

        // a round with everyone where they live: the witness has nobody to tell
        long now = System.currentTimeMillis();
        assertTrue(rounds.runOnce(now).await().atMost(DEADLINE).ran());
        assertTrue(about(elsewhere, player.name()).isEmpty(), "an NPC elsewhere knows nothing of it");
        assertFalse(recalledInReply(listener, elsewhere).stream().anyMatch(m -> m.contains(player.name())),
                "nor can its reply cite it");

        // they meet: the news passes, attributed, one hop away, less important
        Map<String, List<String>> meeting = Map.of(elsewhere.locationId(), List.of(witness.id(), elsewhere.id()));
        GossipReport report = rounds.run(meeting, now).await().atMost(DEADLINE);
        assertEquals(new GossipReport(true, 1, 0, 0), report, "the gift only: the refused attack stays private");
        assertTrue(Scrape.now().value("langomni_gossip_tellings_total", "outcome", "told") >= 1);
        Map<String, Object> heard = about(elsewhere, player.name()).orElseThrow();
        assertEquals(witness.name() + " says that " + news, heard.get("text"));
        assertEquals("public", heard.get("visibility"));
        assertEquals(4, heard.get("importance"), "6 x 0.7");
        @SuppressWarnings("unchecked")
        Map<String, Object> heardFrom = (Map<String, Object>) heard.get("provenance");
        assertEquals("heard", heardFrom.get("source"));
        assertEquals(witness.id(), heardFrom.get("heardFrom"));
        assertEquals(1, heardFrom.get("hops"));
        assertEquals(there.id(), heardFrom.get("locationId"), "where it happened, not where it was heard");
        assertEquals(seenFrom.get("eventId"), heardFrom.get("eventId"));
        assertFalse(knowledge(elsewhere).stream().anyMatch(m -> String.valueOf(m.get("text")).contains("attack")));
        assertTrue(recalledInReply(listener, elsewhere).contains(witness.name() + " says that " + news),
                "its reply to another player may use the news, attributed");

        // the same round again: nothing new, nothing twice
        assertEquals(new GossipReport(true, 0, 0, 0), rounds.run(meeting, now).await().atMost(DEADLINE));
        assertEquals(1, knowledge(elsewhere).stream()
                .filter(m -> String.valueOf(m.get("text")).contains(player.name())).count());
    }

    private static boolean reachable(TestWorld map, Npc npc) {
        try {
            map.routeTo(l -> l.id().equals(npc.locationId()));
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** The memories sent to npc-llm with the NPC's reply to {@code player} asking it about the news. */
    private List<String> recalledInReply(TestPlayer player, Npc npc) {
        int before = llm.npcRequests().size();
        player.ok("ask " + alias(npc) + " about the news");
        List<com.fasterxml.jackson.databind.JsonNode> requests = llm.npcRequests();
        assertTrue(requests.size() > before, "the NPC was asked for a reply");
        List<String> memories = new java.util.ArrayList<>();
        requests.get(requests.size() - 1).path("memories").forEach(m -> memories.add(m.asText()));
        return memories;
    }

    @Test
    void aRoundWhoseLeaseAnotherReplicaHoldsDoesNothing() {
        double skipped = Scrape.now().value("langomni_gossip_rounds_total", "result", "skipped");
        double ran = Scrape.now().value("langomni_gossip_rounds_total", "result", "ran");
        String token = leases.tryAcquire(GossipRounds.LEASE_KEY, Duration.ofSeconds(10)).await().atMost(DEADLINE)
                .orElseThrow();
        try {
            assertEquals(GossipReport.skipped(), rounds.runOnce(System.currentTimeMillis()).await().atMost(DEADLINE));
        } finally {
            leases.release(GossipRounds.LEASE_KEY, token).await().atMost(DEADLINE);
        }
        assertTrue(rounds.runOnce(System.currentTimeMillis()).await().atMost(DEADLINE).ran());
        assertEquals(skipped + 1, Scrape.now().value("langomni_gossip_rounds_total", "result", "skipped"));
        assertEquals(ran + 1, Scrape.now().value("langomni_gossip_rounds_total", "result", "ran"));
    }

    @Test
    void aTellingMemoryServiceRefusesIsToldAgainNextRound() {
        List<Npc> two = world.npcs().values().stream().sorted(java.util.Comparator.comparing(Npc::id)).limit(2)
                .toList();
        Npc teller = two.get(0);
        Npc hearer = two.get(1);
        String event = "ev-" + java.util.UUID.randomUUID();
        String gist = "Somebody broke the well in the square (" + event + ").";
        memories.write("seed-" + event, new MemoryWrite("npc:" + teller.id(), "observation", "I saw the well broken.",
                6, System.currentTimeMillis(), null, null, MemoryVisibility.PUBLIC,
                MemoryProvenance.witnessed("square", System.currentTimeMillis(), event, gist)))
                .await().atMost(DEADLINE);
        Map<String, List<String>> meeting = Map.of("square", List.of(teller.id(), hearer.id()));

        memory.failWritesOf("npc:" + hearer.id(), 500);
        double failed = Scrape.now().value("langomni_gossip_tellings_total", "outcome", "failed");
        GossipReport refused = rounds.run(meeting, System.currentTimeMillis()).await().atMost(DEADLINE);
        assertTrue(refused.failed() >= 1 && refused.told() == 0, refused.toString());
        assertTrue(about(hearer, gist).isEmpty());
        assertEquals(failed + refused.failed(), Scrape.now().value("langomni_gossip_tellings_total", "outcome", "failed"));

        memory.reset();
        memory.keepWrites(true);
        GossipReport again = rounds.run(meeting, System.currentTimeMillis()).await().atMost(DEADLINE);
        assertEquals(0, again.failed(), again.toString());
        assertTrue(about(hearer, teller.name() + " says that " + gist).isPresent(), "told on the next round");
    }

    @Test
    void anNpcWhoseMemoriesCannotBeReadSitsTheRoundOut() {
        List<String> two = world.npcs().keySet().stream().sorted().limit(2).toList();
        memory.mode(FakeMemoryService.Mode.DOWN);
        assertEquals(new GossipReport(true, 0, 0, 2), rounds.run(Map.of("square", two), System.currentTimeMillis())
                .await().atMost(DEADLINE));
    }
}
