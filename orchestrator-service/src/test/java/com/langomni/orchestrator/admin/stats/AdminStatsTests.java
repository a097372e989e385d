package com.langomni.orchestrator.admin.stats;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/admin/stats} and {@code /api/admin/metrics/history} with the default test services: world-llm
 * refuses connections, so every world narration is a fallback to the rules.
 */
@QuarkusTest
class AdminStatsTests {

    private static JsonPath stats() {
        return given().header("Authorization", TestAdmin.bearer()).get("/api/admin/stats").then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath history(int minutes) {
        return given().header("Authorization", TestAdmin.bearer()).queryParam("minutes", minutes)
                .get("/api/admin/metrics/history").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void statsReflectActionsJustMade() {
        TestPlayer player = TestPlayer.register();
        player.ok("look");
        player.ok("sing the stats are counting");
        player.ok("sing and counting");

        // each orchestrator adds its counts to the cluster's once a second: wait until these three are in
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath stats = stats();
            assertTrue(stats.getLong("actions.lastMinute") >= 3, stats::prettify);
            assertTrue(stats.getLong("at") > 0);
            assertTrue(stats.getDouble("actions.perSecond") > 0, stats::prettify);
            double p50 = stats.getDouble("actions.p50Ms");
            double p95 = stats.getDouble("actions.p95Ms");
            double p99 = stats.getDouble("actions.p99Ms");
            assertTrue(p50 > 0 && p50 <= p95 && p95 <= p99, stats::prettify);
            assertTrue(stats.getLong("playersTotal") >= 1);
            assertNotNull(stats.get("playersOnline"));
            // world-llm is dead here: the narrations meant for it fell back to the rules (the figures are
            // cluster-wide, so other tests' narrations of the last minute may be in them too)
            assertTrue(stats.getLong("fallbacks.lastMinute") >= 3, stats::prettify);
            assertTrue(stats.getDouble("fallbacks.rate") > 0, stats::prettify);
            assertNotNull(stats.get("ttft.samples"));
            assertTrue(stats.getLong("cache.misses") >= 1, "the look went through the cache");
            assertEquals(List.of(), stats.getList("backends"));
            assertNotNull(stats.get("memoryQueue.depth"));
        });
    }

    @Test
    void rateLimitedActionsAreCounted() {
        TestPlayer player = TestPlayer.register();
        long refused = 0;
        for (int i = 0; i < 16; i++) {
            if (player.act("look").statusCode() == 429) {
                refused++;
            }
        }
        assertTrue(refused > 0, "the burst is 8 actions");
        long atLeast = refused;
        await().atMost(Duration.ofSeconds(10)).until(() -> stats().getLong("rateLimited.lastMinute") >= atLeast);
    }

    @Test
    void historyHasOnePointPerStepOldestFirstWithTheActionsJustMade() {
        TestPlayer player = TestPlayer.register();
        player.ok("look");

        await().atMost(Duration.ofSeconds(10)).until(() -> history(1).getList("points.actions", Long.class).stream()
                .mapToLong(Long::longValue).sum() >= 1);
        JsonPath history = history(1);
        assertEquals(10, history.getInt("stepSeconds"));
        List<Long> at = history.getList("points.at", Long.class);
        assertEquals(6, at.size());
        for (int i = 1; i < at.size(); i++) {
            assertEquals(10_000L, at.get(i) - at.get(i - 1));
        }
        assertTrue(at.get(5) <= System.currentTimeMillis() && at.get(5) > System.currentTimeMillis() - 20_000);
        List<Map<String, Object>> points = history.getList("points");
        Map<String, Object> busy = points.stream().filter(p -> ((Number) p.get("actions")).longValue() > 0)
                .reduce((first, second) -> second).orElseThrow();
        assertNotNull(busy.get("p50Ms"));
        assertNotNull(busy.get("p95Ms"));
        assertTrue(((Number) busy.get("fallbacks")).longValue() >= 1);
        assertTrue(points.stream().allMatch(p -> p.containsKey("backends") && p.containsKey("cacheHits")));

        assertEquals(180, history(30).getList("points").size());
        given().header("Authorization", TestAdmin.bearer()).get("/api/admin/metrics/history").then()
                .statusCode(200).body("points.size()", equalTo(180));
    }

    @Test
    void historyOutsideOneToSixtyMinutesIsABadRequest() {
        for (String minutes : List.of("0", "61", "-5", "soon")) {
            given().header("Authorization", TestAdmin.bearer()).queryParam("minutes", minutes)
                    .get("/api/admin/metrics/history").then()
                    .statusCode(400).body("code", equalTo("bad_request"));
        }
    }
}
