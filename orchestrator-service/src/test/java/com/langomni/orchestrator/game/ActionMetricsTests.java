package com.langomni.orchestrator.game;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.CachedNarrations;
import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.FakeLlmServices.Mode;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.Scrape;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.orchestrator.support.TestWorld;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's Prometheus meters as /q/metrics renders them, read before and after acting (tests run one at a
 * time and nothing else acts meanwhile, so the differences are exactly what the test did).
 */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class ActionMetricsTests {

    private static final String STAGE = "langomni_action_stage_duration_seconds_count";
    private static final List<String> EVERY_ACTION_STAGES = List.of("rate_limit", "lock_wait", "load", "rules",
            "persist", "fanout", "memory_queue", "view", "narration", "publish");

    @Inject
    FakeLlmServices fake;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    World world;

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void healthyServices() {
        fake.reset();
        breakers.resetAll();
    }

    @AfterEach
    void restore() {
        fake.reset();
    }

    @Test
    void actionsAreCountedByIntentAndOutcomeAndTimedEndToEndAndPerStage() {
        TestPlayer player = TestPlayer.register();
        Scrape before = Scrape.now();

        player.ok("look");
        player.ok("take the unicorn that is not here");
        player.get("/api/game/player/" + player.id()).then().statusCode(200); // the uri label is a template

        Scrape after = Scrape.now();
        assertEquals(1, delta(before, after, "langomni_actions_total", "intent", "look", "outcome", "applied"));
        assertEquals(1, delta(before, after, "langomni_actions_total", "intent", "take", "outcome", "refused"));
        assertEquals(2, delta(before, after, "langomni_action_duration_seconds_count"));
        for (String stage : EVERY_ACTION_STAGES) {
            assertEquals(2, delta(before, after, STAGE, "stage", stage), stage);
        }
        assertEquals(0, delta(before, after, STAGE, "stage", "conversation"), "no NPC was addressed");
        assertTrue(after.has("langomni_action_duration_seconds_bucket", "le", "5.0"), "the 5 s SLO is a bucket");
        assertTrue(after.has("langomni_action_stage_duration_seconds_bucket", "stage", "persist", "le", "0.05"));
        // every verb is a series from the start (a verb added to game-api is counted without touching this test)
        assertEquals(every(java.util.Arrays.stream(com.langomni.api.outcome.Verb.values())
                        .map(com.langomni.api.outcome.Verb::wire).toArray(String[]::new)),
                every(after.labelValues("langomni_actions_total", "intent")));
        assertFalse(after.text().contains(player.id()), "player ids never become labels");
        assertFalse(after.text().contains("\"" + player.name() + "\""), "player names never become labels");
    }

    @Test
    void aStreamedNarrationIsTimedToItsFirstToken() {
        fake.stream(4, 20);
        TestPlayer player = TestPlayer.register();
        Scrape before = Scrape.now();

        assertEquals("llm", player.ok("sing time my first token").path("source"));

        Scrape after = Scrape.now();
        assertEquals(1, delta(before, after, "langomni_action_first_token_seconds_count"));
        assertEquals(1, delta(before, after, "langomni_narrations_total", "source", "llm"));
        assertTrue(after.value("langomni_action_first_token_seconds_sum") > 0);
    }

    @Test
    void fallbacksAreCountedByReason() {
        TestPlayer player = TestPlayer.register();
        Scrape before = Scrape.now();

        fake.mode(Mode.ERROR);
        assertEquals("rules", player.ok("sing this fails").path("source"));
        fake.mode(Mode.RULES);
        assertEquals("rules", player.ok("sing the queue is full").path("source"));
        fake.mode(Mode.DISABLED);
        assertEquals("rules", player.ok("sing there is no model").path("source"));

        Scrape after = Scrape.now();
        assertEquals(1, delta(before, after, "langomni_narration_fallbacks_total", "reason", "error"));
        assertEquals(1, delta(before, after, "langomni_narration_fallbacks_total", "reason", "busy"));
        assertEquals(1, delta(before, after, "langomni_narration_fallbacks_total", "reason", "disabled"));
        assertEquals(3, delta(before, after, "langomni_narrations_total", "source", "rules"));
    }

    @Test
    void cacheLookupsAreCountedAsHitsAndMisses() {
        TestPlayer player = TestPlayer.register();
        TestPlayer other = TestPlayer.register();
        CachedNarrations.forget(redis);
        Scrape before = Scrape.now();

        player.ok("look");
        assertEquals("cache", other.ok("look").path("source"));

        Scrape after = Scrape.now();
        assertEquals(1, delta(before, after, "langomni_narration_cache_lookups_total", "result", "miss"));
        assertEquals(1, delta(before, after, "langomni_narration_cache_lookups_total", "result", "hit"));
        assertEquals(1, delta(before, after, "langomni_narrations_total", "source", "cache"));
    }

    @Test
    void rateLimitRejectionsAreCountedByCode() throws Exception {
        TestPlayer player = TestPlayer.register();
        Scrape before = Scrape.now();

        // all at once, so the bucket (burst 8) runs dry however slow this machine is
        int burst = 16;
        ExecutorService pool = Executors.newFixedThreadPool(burst);
        List<Integer> statuses;
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                sent.add(pool.submit(() -> player.act("inventory").statusCode()));
            }
            statuses = new ArrayList<>();
            for (Future<Integer> status : sent) {
                statuses.add(status.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        Scrape after = Scrape.now();
        long refused = statuses.stream().filter(s -> s == 429).count();
        long applied = statuses.stream().filter(s -> s == 200).count();
        assertTrue(refused > 0, "the burst is 8 actions: " + statuses);
        assertEquals(refused, delta(before, after, "langomni_actions_rejected_total", "code", "rate_limited"));
        assertEquals(applied, delta(before, after, "langomni_actions_total"));
        assertEquals(burst, delta(before, after, STAGE, "stage", "rate_limit"), "every action passed the bucket");
        assertEquals(applied, delta(before, after, STAGE, "stage", "lock_wait"));
    }

    @Test
    void anNpcConversationIsItsOwnStage() {
        TestPlayer player = TestPlayer.register();
        TestWorld.Route route = new TestWorld(world).routeTo(l -> !l.npcs().isEmpty());
        route.directions().forEach(direction -> player.ok("go " + direction));
        Npc npc = world.npcs().get(route.destination().npcs().get(0));
        String alias = npc.aliases().stream().findFirst().orElse(npc.name());
        Scrape before = Scrape.now();

        assertEquals("llm", player.ok("ask " + alias + " about the weather").path("source"));

        Scrape after = Scrape.now();
        assertEquals(1, delta(before, after, STAGE, "stage", "conversation"));
        assertEquals(1, delta(before, after, "langomni_actions_total", "intent", "talk"));
        assertFalse(after.text().contains("\"" + npc.id() + "\""), "NPC ids never become labels");
    }

    @Test
    void postgresqlAndRedisAreReportedUp() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Scrape scrape = Scrape.now();
            assertEquals(1, scrape.value("langomni_dependency_up", "dependency", "postgresql"));
            assertEquals(1, scrape.value("langomni_dependency_up", "dependency", "redis"));
        });
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static List<String> every(String... values) {
        return Arrays.stream(values).sorted().toList();
    }

    private static List<String> every(List<String> values) {
        return values.stream().sorted().toList();
    }
}
