package com.langomni.simulator.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FaultsTests {
    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void restoreFaults() {
        given().delete("/sim/faults").then().statusCode(200)
                .body("errorRate", equalTo(0.0f)).body("hangRate", equalTo(0.0f));
    }

    private static void inject(String json) {
        given().contentType(ContentType.JSON).body(json).post("/sim/faults").then().statusCode(200);
    }

    private static long tokenChunks(SseClient client) {
        return client.events.stream().filter(e -> !e.done())
                .filter(e -> e.json().at("/choices/0/delta/content").isTextual())
                .filter(e -> !e.json().at("/choices/0/delta/content").asText().isEmpty())
                .count();
    }

    @Test
    void anInjectedErrorIsA500InVllmsShape() {
        inject("{\"errorRate\":1.0}");
        given().contentType(ContentType.JSON).body(CompletionRoutesTests.chat("Hi.", 4, true, false))
                .post("/v1/chat/completions")
                .then().statusCode(500)
                .body("object", equalTo("error"))
                .body("type", equalTo("InternalServerError"))
                .body("code", equalTo(500));
    }

    @Test
    void aHungServerAcceptsAndNeverAnswers() {
        inject("{\"hangRate\":1.0}");
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                .header("content-type", "application/json")
                .timeout(Duration.ofMillis(700))
                .POST(HttpRequest.BodyPublishers.ofString(CompletionRoutesTests.chat("Hi.", 4, false, false)))
                .build();
        CompletableFuture<HttpResponse<String>> call =
                SseClient.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        ExecutionException failed = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
        assertInstanceOf(HttpTimeoutException.class, failed.getCause());
    }

    @Test
    void aCrashDropsTheConnectionMidStream() {
        inject("{\"crashRate\":1.0,\"faultAfterTokens\":3}");
        SseClient client = SseClient.open(base, "/v1/chat/completions",
                CompletionRoutesTests.chat("Tell me a long tale.", 30, true, true));
        await().atMost(Duration.ofSeconds(10)).until(client::finished);
        assertNotNull(client.failure, "the chunked body ends without its terminator: " + client.rawLines);
        assertEquals(3, tokenChunks(client));
        assertTrue(client.events.stream().noneMatch(SseClient.Event::done));
    }

    @Test
    void aStallKeepsTheConnectionOpenAndSilent() throws Exception {
        inject("{\"stallRate\":1.0,\"faultAfterTokens\":2}");
        SseClient client = SseClient.open(base, "/v1/chat/completions",
                CompletionRoutesTests.chat("Tell me a long tale.", 30, true, true));
        await().atMost(Duration.ofSeconds(5)).until(() -> tokenChunks(client) == 2);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> !client.finished() && tokenChunks(client) == 2);
        assertFalse(client.events.stream().anyMatch(SseClient.Event::done));
        assertEquals(0, Metrics.value(Metrics.scrape(), "vllm:num_requests_running", null),
                "the stalled request no longer holds a slot");
        client.close();
    }

    @Test
    void faultUpdatesAreValidated() {
        given().contentType(ContentType.JSON).body("{\"errorRate\":0.7,\"hangRate\":0.7}").post("/sim/faults")
                .then().statusCode(400).body("type", equalTo("BadRequestError"));
        given().contentType(ContentType.JSON).body("{\"errorRate\":\"lots\"}").post("/sim/faults")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"loadingSeconds\":-1}").post("/sim/faults")
                .then().statusCode(400);
        given().get("/sim/faults").then().statusCode(200).body("errorRate", equalTo(0.0f))
                .body("faultAfterTokens", equalTo(8)).body("loading", equalTo(false));
    }
}
