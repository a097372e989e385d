package com.langomni.orchestrator.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.FakeLlmServices.Mode;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The world narration cache: identical inputs are narrated once, whoever asks; any change in what shapes the text
 * is a miss; only cacheable intents and only LLM texts are stored; hits and misses are counted.
 */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class NarrationCacheTests {

    @Inject
    NarrationCache cache;

    @Inject
    FakeLlmServices fake;

    @Inject
    RedisDataSource redis;

    @Inject
    MeterRegistry registry;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void healthyServices() {
        fake.reset();
        breakers.resetAll();
    }

    @Test
    void anUnchangedRoomIsNarratedOnceWhoeverLooks() {
        TestPlayer first = TestPlayer.register();
        TestPlayer second = TestPlayer.register();
        freshRoom(first);
        long hits = stat("hits");
        long misses = stat("misses");
        double meteredHits = registry.counter("langomni.narration.cache.lookups", "result", "hit").count();
        int calls = fake.worldRequests().size();

        Response narrated = first.ok("look");
        Response again = first.ok("look");
        Response other = second.ok("look");

        assertEquals("llm", narrated.path("source"));
        assertEquals("cache", again.path("source"));
        assertEquals("cache", other.path("source"), "another player's id and name are not part of the key");
        assertEquals((String) narrated.path("text"), again.path("text"));
        assertEquals((String) narrated.path("text"), other.path("text"));
        assertEquals(calls + 1, fake.worldRequests().size(), "world-llm narrated the room once");
        assertEquals(hits + 2, stat("hits"));
        assertEquals(misses + 1, stat("misses"));
        assertEquals(meteredHits + 2, registry.counter("langomni.narration.cache.lookups", "result", "hit").count());
    }

    @Test
    void aChangeInTheRoomIsAMiss() {
        TestPlayer player = TestPlayer.register();
        freshRoom(player);
        assertEquals("llm", player.ok("look").path("source"));
        assertEquals("cache", player.ok("look").path("source"));

        player.ok("say something changes here " + UUID.randomUUID());

        assertEquals("llm", player.ok("look").path("source"), "what just happened in the room shapes the text");
    }

    @Test
    void intentsThatAreNotCacheableAreNeverCached() {
        TestPlayer player = TestPlayer.register();
        long lookups = stat("hits") + stat("misses");
        int calls = fake.worldRequests().size();

        assertEquals("llm", player.ok("help").path("source"));
        assertEquals("llm", player.ok("help").path("source"));

        assertEquals(calls + 2, fake.worldRequests().size());
        assertEquals(lookups, stat("hits") + stat("misses"), "no lookup for an intent that is not cacheable");
    }

    @Test
    void rulesTextsAreNeverCached() {
        TestPlayer player = TestPlayer.register();
        freshRoom(player);
        fake.mode(Mode.RULES);
        int calls = fake.worldRequests().size();

        assertEquals("rules", player.ok("look").path("source"));
        assertEquals("rules", player.ok("look").path("source"));

        assertEquals(calls + 2, fake.worldRequests().size(), "a rules text was not stored");
    }

    @Test
    void adminsSeeTheClusterWideFigures() {
        TestPlayer player = TestPlayer.register();
        freshRoom(player);
        player.ok("look");
        player.ok("look");

        Response metrics = given().header("Authorization", TestAdmin.bearer()).get("/api/admin/metrics/cache");

        metrics.then().statusCode(200);
        long hits = ((Number) metrics.path("hits")).longValue();
        long misses = ((Number) metrics.path("misses")).longValue();
        assertEquals(stat("hits"), hits);
        assertEquals(stat("misses"), misses);
        assertEquals((double) hits / (hits + misses), ((Number) metrics.path("hitRate")).doubleValue(), 1e-6);
        assertTrue(((Number) metrics.path("entries")).longValue() >= 1);
        assertEquals(600, ((Number) metrics.path("ttlSeconds")).intValue());
    }

    /** Something happens in the start room, so no entry of an earlier test matches it. */
    private static void freshRoom(TestPlayer player) {
        player.ok("say a new moment " + UUID.randomUUID());
    }

    /** The cluster's total in Redis, after adding what this replica counted since its last periodic flush. */
    private long stat(String field) {
        cache.flush().await().atMost(Duration.ofSeconds(5));
        Long value = redis.hash(Long.class).hget(RedisKeys.narrationCacheStats(), field);
        return value == null ? 0 : value;
    }
}
