package com.langomni.memory.rest;

import com.langomni.testkit.ServiceMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ObservabilityTests {

    @Test
    void readinessReportsTheModelAndTheStore() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("memory"))
                .body("checks.find { it.name == 'memory' }.data.model", equalTo("loaded"))
                .body("checks.find { it.name == 'memory' }.data.store", equalTo("embedded open"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsCountWritesAndSearchesAndGaugeTheStore() {
        String writes = "langomni_memory_writes_total{kind=\"observation\"}";
        String written = "langomni_memory_write_duration_seconds_count";
        String searches = "langomni_memory_searches_total";
        String searched = "langomni_memory_search_latency_seconds_count";
        double[] before = {ServiceMetrics.value(writes), ServiceMetrics.value(written), ServiceMetrics.value(searches),
            ServiceMetrics.value(searched)};

        given().contentType(ContentType.JSON)
                .body(Map.of("ownerId", "npc:metrics", "kind", "observation", "text", "counted"))
                .when().post("/api/memories").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("ownerId", "npc:metrics", "query", "counted"))
                .when().post("/api/memories/search").then().statusCode(200);

        assertEquals(before[0] + 1, ServiceMetrics.value(writes));
        assertEquals(before[1] + 1, ServiceMetrics.value(written));
        assertEquals(before[2] + 1, ServiceMetrics.value(searches));
        assertEquals(before[3] + 1, ServiceMetrics.value(searched));
        assertTrue(ServiceMetrics.value("langomni_memory_store_size") >= 1);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("langomni_memory_search_latency_seconds_bucket{le=\"0.02\"}"))
                .body(not(containsString("npc:metrics")));
    }

    @Test
    void theRankEndpointsEmbeddingCacheCountsHitsAndMisses() {
        List<String> candidates = List.of("A line only this test ranks " + UUID.randomUUID(),
                "Another line only this test ranks " + UUID.randomUUID());
        String hits = "langomni_memory_rank_cache_lookups_total{result=\"hit\"}";
        String misses = "langomni_memory_rank_cache_lookups_total{result=\"miss\"}";
        double hitsBefore = ServiceMetrics.value(hits);
        double missesBefore = ServiceMetrics.value(misses);

        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(Map.of("query", "which line", "candidates", candidates))
                    .when().post("/api/embeddings/rank").then().statusCode(200);
        }

        assertEquals(missesBefore + 2, ServiceMetrics.value(misses), "embedded the first time");
        assertEquals(hitsBefore + 2, ServiceMetrics.value(hits), "cached the second time");
    }

    @Test
    void openApiDescribesTheEndpoints() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/api/memories/search"))
                .body(containsString("/api/embeddings/rank"));
    }
}
