package com.langomni.memory.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
        given().contentType(ContentType.JSON)
                .body(Map.of("ownerId", "npc:metrics", "kind", "observation", "text", "counted"))
                .when().post("/api/memories").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("ownerId", "npc:metrics", "query", "counted"))
                .when().post("/api/memories/search").then().statusCode(200);

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("langomni_memory_writes_total"))
                .body(containsString("langomni_memory_searches_total"))
                .body(containsString("langomni_memory_search_latency_seconds_count"))
                .body(containsString("langomni_memory_store_size"));
    }

    @Test
    void openApiDescribesTheEndpoints() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/api/memories/search"))
                .body(containsString("/api/embeddings/rank"));
    }
}
