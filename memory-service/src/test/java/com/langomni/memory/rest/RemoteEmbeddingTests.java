package com.langomni.memory.rest;

import com.langomni.memory.client.FakeHttpServer;
import com.langomni.memory.client.OpenAiEmbeddingsClient;
import com.langomni.memory.client.RemoteBoundaries;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ranking with embeddings from a remote OpenAI-compatible server (RemoteBoundaries): its vectors are used, and its
 * failures (error status, wrong size, no answer in time) answer 503 with what went wrong.
 */
@QuarkusTest
@TestProfile(RemoteBoundaries.class)
class RemoteEmbeddingTests {

    private static final int DIMENSION = 384;

    FakeHttpServer server;

    @Inject
    OpenAiEmbeddingsClient client;

    @BeforeEach
    void warmUp() {
        RemoteBoundaries.warmUp(server, client);
    }

    @Test
    void theServersVectorsRankTheCandidates() {
        // query along axis 0; the first candidate orthogonal to it, the second at cos 0.6
        server.answer(RemoteBoundaries.EMBEDDINGS, FakeHttpServer.Answer.json(embeddings(
                vector(1, 0), vector(0, 1), vector(0.6, 0.8))));
        float best = given().contentType(ContentType.JSON)
                .body(Map.of("query", "q", "candidates", List.of(unique("far"), unique("near"))))
                .when().post("/api/embeddings/rank")
                .then().statusCode(200)
                .body("[0].index", equalTo(1))
                .body("[1].index", equalTo(0))
                .extract().path("[0].score");
        assertEquals(0.6, best, 1e-5);
    }

    @Test
    void aFailingServerIs503() {
        server.answer(RemoteBoundaries.EMBEDDINGS, FakeHttpServer.Answer.status(500));
        assertUnavailable("the embeddings server failed: " + server.url() + RemoteBoundaries.EMBEDDINGS
                + " answered 500");
    }

    @Test
    void vectorsOfTheWrongSizeAre503() {
        server.answer(RemoteBoundaries.EMBEDDINGS, FakeHttpServer.Answer.json(
                "{\"data\":[{\"index\":0,\"embedding\":[1.0,0.0]},{\"index\":1,\"embedding\":[0.0,1.0]}]}"));
        assertUnavailable("the embeddings server returned 2 dimensions, expected 384");
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIs503() {
        server.answer(RemoteBoundaries.EMBEDDINGS, FakeHttpServer.Answer.hanging());
        assertUnavailable("the embeddings server failed: " + server.url() + RemoteBoundaries.EMBEDDINGS
                + " did not answer within 1000 ms");
    }

    private void assertUnavailable(String message) {
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "q", "candidates", List.of(unique("a"))))
                .when().post("/api/embeddings/rank")
                .then().statusCode(503)
                .body("code", equalTo("unavailable"))
                .body("message", startsWith(message));
    }

    /** A candidate no earlier test embedded, so that the rank cache cannot answer for the server. */
    private static String unique(String text) {
        return text + " " + UUID.randomUUID();
    }

    private static double[] vector(double x, double y) {
        double[] v = new double[DIMENSION];
        v[0] = x;
        v[1] = y;
        return v;
    }

    private static String embeddings(double[]... vectors) {
        return IntStream.range(0, vectors.length)
                .mapToObj(i -> "{\"index\":" + i + ",\"embedding\":[" + IntStream.range(0, DIMENSION)
                        .mapToObj(d -> Double.toString(vectors[i][d])).collect(Collectors.joining(",")) + "]}")
                .collect(Collectors.joining(",", "{\"data\":[", "]}"));
    }
}
