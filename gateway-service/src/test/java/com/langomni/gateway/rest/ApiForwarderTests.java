package com.langomni.gateway.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.gateway.support.FakeOrchestrator;
import com.langomni.gateway.support.FakeOrchestratorResource;
import com.langomni.gateway.support.TestSocket;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** /api/** forwarding, driven by a raw HTTP client so headers (hop-by-hop ones included) go out exactly as written. */
@QuarkusTest
@WithTestResource(FakeOrchestratorResource.class)
class ApiForwarderTests {

    record Answer(int status, MultiMap headers, Buffer body) {
        JsonNode json() {
            return TestSocket.parse(body.toString());
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    Vertx vertx;

    FakeOrchestrator orchestrator;

    HttpClient http;

    @BeforeEach
    void client() {
        http = vertx.createHttpClient();
    }

    @AfterEach
    void restore() {
        orchestrator.start();
        complete(http.close());
    }

    @Test
    void forwardsMethodPathQueryHeadersAndBody() {
        Answer answer = exchange(HttpMethod.POST, "/api/echo/things?x=1&y=two%20words&status=201",
                Map.of("Authorization", "Bearer abc.def", "Content-Type", "application/json", "X-Custom", "kept"),
                Buffer.buffer("{\"hello\":\"world\"}"));

        assertEquals(201, answer.status());
        assertEquals("echo", answer.headers().get("X-Fake-Orchestrator"));
        JsonNode echo = answer.json();
        assertEquals("POST", echo.path("method").asText());
        assertEquals("/api/echo/things", echo.path("path").asText());
        assertEquals("x=1&y=two%20words&status=201", echo.path("query").asText());
        assertEquals("Bearer abc.def", echo.path("authorization").asText());
        assertEquals("{\"hello\":\"world\"}", echo.path("body").asText());
        assertEquals("kept", echo.path("headers").path("x-custom").asText());
        assertEquals("127.0.0.1", echo.path("headers").path("x-forwarded-for").asText());
    }

    @Test
    void dropsHopByHopHeadersBothThoseNamedByTheStandardAndByConnection() {
        Answer answer = exchange(HttpMethod.GET, "/api/echo/hops",
                Map.of("Connection", "keep-alive, X-Hop", "X-Hop", "for the next hop only", "Keep-Alive", "timeout=5",
                        "Proxy-Authorization", "Basic c2VjcmV0", "TE", "trailers", "X-End-To-End", "kept"),
                null);

        JsonNode headers = answer.json().path("headers");
        assertEquals(200, answer.status());
        assertEquals("kept", headers.path("x-end-to-end").asText());
        for (String dropped : new String[] { "x-hop", "keep-alive", "proxy-authorization", "te" }) {
            assertTrue(headers.path(dropped).isMissingNode(), dropped + " must not be forwarded");
        }
    }

    @Test
    void preservesErrorStatusesAndBodies() {
        Answer answer = exchange(HttpMethod.DELETE, "/api/echo/gone?status=409", Map.of(), null);

        assertEquals(409, answer.status());
        assertEquals("DELETE", answer.json().path("method").asText());
    }

    @Test
    void streamsLargeBodiesBothWays() {
        // uploads stop at quarkus.http.limits.max-body-size (64K, EdgeLimitsTests); answers have no such cap
        String upload = "u".repeat(60_000);
        Answer echoed = exchange(HttpMethod.PUT, "/api/echo/upload", Map.of("Content-Type", "text/plain"), Buffer.buffer(upload));
        assertEquals(upload.length(), echoed.json().path("body").asText().length());

        Answer download = exchange(HttpMethod.GET, "/api/bytes/3000000", Map.of(), null);
        assertEquals(200, download.status());
        assertEquals(3_000_000, download.body().length());
    }

    @Test
    void aCallerLeavingAnEndlessAnswerClosesItUpstream() {
        for (int i = 0; i < 3; i++) {
            HttpClient caller = vertx.createHttpClient();
            Buffer first = complete(caller.request(new RequestOptions().setMethod(HttpMethod.GET)
                            .setAbsoluteURI(base.resolve("/api/ticks").toString()))
                    .compose(request -> request.send())
                    .compose(response -> {
                        Promise<Buffer> chunk = Promise.promise();
                        response.handler(chunk::tryComplete);
                        return chunk.future();
                    }));
            assertTrue(first.toString().startsWith("data: tick"), first.toString());
            assertEquals(1, orchestrator.openTickStreams(), "open while the caller reads");
            complete(caller.close());
            await().atMost(10, TimeUnit.SECONDS).until(() -> orchestrator.openTickStreams() == 0);
        }
    }

    @Test
    void neverForwardsInternalOrManagementPaths() {
        String player = "p-" + UUID.randomUUID();
        Map<String, String> auth = Map.of("Authorization", "Bearer token-" + player);
        for (String path : new String[] {
                "/internal/sessions/" + player + "/open",
                "/api/../internal/sessions/" + player + "/open",
                "/api/%2e%2e/internal/sessions/" + player + "/open",
                "/api/./../internal/sessions/" + player + "/open",
                "/internal/gateways/forged-" + player + "/heartbeat",
                "/api/../internal/gateways/forged-" + player + "/heartbeat" }) {
            Answer answer = exchange(HttpMethod.POST, path, auth, null);
            assertNotEquals(200, answer.status(), path);
        }
        assertThat(orchestrator.opened(), not(hasItem(player)));
        assertThat(orchestrator.heartbeats(), not(hasItem("forged-" + player)));
    }

    @Test
    void answers502WithAnErrorBodyWhenTheOrchestratorIsDown() {
        orchestrator.stop();

        Answer answer = exchange(HttpMethod.GET, "/api/game/player/p1", Map.of("Authorization", "Bearer x"), null);

        assertEquals(502, answer.status());
        assertEquals("unavailable", answer.json().path("code").asText());
        assertFalse(answer.json().path("message").asText().isBlank());
    }

    private Answer exchange(HttpMethod method, String uri, Map<String, String> headers, Buffer body) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost(base.getHost()).setPort(base.getPort()).setURI(uri);
        headers.forEach(options::addHeader);
        return complete(http.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(buffer -> new Answer(response.statusCode(), response.headers(), buffer))));
    }

    private static <T> T complete(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TestSocket.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
