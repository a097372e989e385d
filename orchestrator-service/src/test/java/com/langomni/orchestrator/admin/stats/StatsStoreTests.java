package com.langomni.orchestrator.admin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.admin.topology.BackendFigures;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import com.langomni.orchestrator.common.RedisKeys;

/** The statistics in Redis: counts of several replicas add up per second and per step; one sampler per slot. */
@QuarkusTest
class StatsStoreTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    StatsStore store;

    @Inject
    RedisDataSource redis;

    /** A second long past, ending in 5 (mid-step), that no other test touches. */
    private static long somePastSecond() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 100_000_000) * 10 + 5;
    }

    @Test
    void countsOfOneSecondAddUpAcrossFlushesAndLandInItsStep() {
        long second = somePastSecond();
        StatsCounts replicaA = new StatsCounts();
        replicaA.action(4);
        replicaA.llmNarration(true);
        StatsCounts replicaB = new StatsCounts();
        replicaB.action(4);
        replicaB.action(900);
        replicaB.rateLimited();

        store.add(second, replicaA).await().atMost(WAIT);
        store.add(second, replicaB).await().atMost(WAIT);
        store.add(second + 1, replicaB).await().atMost(WAIT);

        List<StatsCounts> seconds = store.seconds(second - 1, second + 1).await().atMost(WAIT);
        assertEquals(3, seconds.size());
        assertTrue(seconds.get(0).isEmpty());
        assertEquals(Map.of("actions", 3L, "lat.2", 2L, "lat.9", 1L, "rateLimited", 1L, "llm", 1L, "fallbacks", 1L),
                seconds.get(1).fields());
        assertEquals(replicaB.fields(), seconds.get(2).fields());

        Map<Long, StatsCounts> steps = store.steps(second - 15, second - 5).await().atMost(WAIT);
        assertEquals(List.of(second - 5), List.copyOf(steps.keySet()));
        assertEquals(5, steps.get(second - 5).actions());

        long ttl = redis.key(String.class).ttl(RedisKeys.statsSecond(second));
        assertTrue(ttl > 0 && ttl <= StatsStore.SECOND_TTL.toSeconds(), "ttl " + ttl);
        long stepTtl = redis.key(String.class).ttl(RedisKeys.statsStep(second - 5));
        assertTrue(stepTtl > StatsStore.SECOND_TTL.toSeconds(), "the history outlives the live minute: " + stepTtl);
    }

    @Test
    void oneReplicaTakesEachSampleAndSamplesReadBack() {
        long second = somePastSecond();
        assertTrue(store.claimSample(second, "replica-a").await().atMost(WAIT));
        assertFalse(store.claimSample(second, "replica-b").await().atMost(WAIT));

        Map<String, BackendFigures> sample = Map.of("world", new BackendFigures(40.0, 0.5, null));
        store.saveSample(second, sample).await().atMost(WAIT);
        assertEquals(Map.of(second, sample), store.samples(List.of(second, second + 5)).await().atMost(WAIT));
    }
}
