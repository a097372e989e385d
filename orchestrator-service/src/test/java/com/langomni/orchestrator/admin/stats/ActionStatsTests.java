package com.langomni.orchestrator.admin.stats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.support.CachedNarrations;
import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.FakeLlmServices.Mode;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the pipeline counts for the admin figures, read back from Redis over exactly the seconds the test acted in
 * (tests run one at a time, so nothing else acts then): actions, time to first token, narrations meant for an LLM
 * and their fallbacks, cache lookups, rate-limit refusals.
 */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class ActionStatsTests {

    @Inject
    FakeLlmServices fake;

    @Inject
    StatsStore store;

    @Inject
    CircuitBreakerMaintenance breakers;

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

    /**
     * Runs {@code act} from the start of a fresh second (the previous test may have acted in the current one),
     * then waits until the counts of the seconds it ran in satisfy {@code expectations}.
     */
    private void counted(Runnable act, Consumer<StatsCounts> expectations) {
        long from = System.currentTimeMillis() / 1000 + 1;
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> System.currentTimeMillis() / 1000 >= from);
        act.run();
        long to = System.currentTimeMillis() / 1000;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            StatsCounts total = new StatsCounts();
            store.seconds(from, to).await().atMost(Duration.ofSeconds(5)).forEach(total::add);
            expectations.accept(total);
        });
    }

    @Test
    void aStreamedLlmNarrationIsTimedToItsFirstToken() {
        fake.stream(4, 20);
        TestPlayer player = TestPlayer.register();
        counted(() -> assertEquals("llm", player.ok("sing count my first token").path("source")), counts -> {
            assertEquals(1, counts.actions());
            assertEquals(1, counts.ttftSamples());
            assertEquals(1, counts.llmNarrations());
            assertEquals(0, counts.fallbacks());
        });
    }

    @Test
    void aFailedLlmNarrationIsAFallback() {
        fake.mode(Mode.ERROR);
        TestPlayer player = TestPlayer.register();
        counted(() -> assertEquals("rules", player.ok("sing this fails").path("source")), counts -> {
            assertEquals(1, counts.actions());
            assertEquals(1, counts.llmNarrations());
            assertEquals(1, counts.fallbacks());
            assertEquals(0, counts.ttftSamples());
        });
    }

    @Test
    void worldLlmsOwnFallbackCountsButNarratingByRulesByDesignDoesNot() {
        TestPlayer player = TestPlayer.register();
        fake.mode(Mode.RULES);
        counted(() -> player.ok("sing the queue is full"), counts -> {
            assertEquals(1, counts.llmNarrations());
            assertEquals(1, counts.fallbacks());
        });
        fake.mode(Mode.DISABLED);
        counted(() -> player.ok("sing there is no model"), counts -> {
            assertEquals(1, counts.actions());
            assertEquals(0, counts.llmNarrations());
            assertEquals(0, counts.fallbacks());
        });
        fake.mode(Mode.STREAM);
        counted(() -> player.ok("say the rules speak for me"), counts -> {
            assertEquals(1, counts.actions());
            assertEquals(0, counts.llmNarrations(), "the policy gives a say the rules' text: no LLM narration");
            assertEquals(0, counts.fallbacks(), "and no fallback either");
        });
    }

    @Test
    void cacheHitsAreNotLlmNarrations() {
        TestPlayer player = TestPlayer.register();
        TestPlayer other = TestPlayer.register();
        CachedNarrations.forget(redis);
        counted(() -> {
            assertEquals("llm", player.ok("look").path("source"));
            assertEquals("cache", other.ok("look").path("source"));
        }, counts -> {
            assertEquals(2, counts.actions());
            assertEquals(1, counts.cacheMisses());
            assertEquals(1, counts.cacheHits());
            assertEquals(1, counts.llmNarrations());
        });
    }

    @Test
    void rateLimitedActionsAreCountedApartFromActions() {
        TestPlayer player = TestPlayer.register();
        int[] refused = new int[1];
        counted(() -> {
            for (int i = 0; i < 16; i++) {
                if (player.act("inventory").statusCode() == 429) {
                    refused[0]++;
                }
            }
        }, counts -> {
            assertTrue(refused[0] > 0, "the burst is 8 actions");
            assertEquals(refused[0], counts.rateLimitedCount());
            assertEquals(16 - refused[0], counts.actions());
        });
    }
}
