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

import com.langomni.testkit.ServiceAuth;
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

    /** langomni.gateway.api.max-body-bytes, by default. */
    static final int MAX_BODY = 65536;

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
        assertTrue(echo.path("headers").path("x-service-token").isMissingNode(),
                "a player's request never gets the gateway's service token");
        assertTrue(ServiceAuth.accepts(echo.path("headers").path("x-gateway-token").asText()),
                "the client address is vouched for with a service token of its own header");
    }

    @Test
    void aClientsOwnTokensAreNeverPassedOn() {
        Answer answer = exchange(HttpMethod.GET, "/api/echo/things",
                Map.of("X-Service-Token", "v1.gateway.1.forged", "X-Gateway-Token", "v1.gateway.1.forged"), null);
        JsonNode headers = answer.json().path("headers");
        assertTrue(headers.path("x-service-token").isMissingNode());
        assertTrue(ServiceAuth.accepts(headers.path("x-gateway-token").asText()), "replaced by the gateway's own");
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
    void forwardsABodyUpToTheCapAndStreamsLargeAnswers() {
        String upload = "u".repeat(MAX_BODY);
        Answer echoed = exchange(HttpMethod.PUT, "/api/echo/upload", Map.of("Content-Type", "text/plain"), Buffer.buffer(upload));
        assertEquals(upload.length(), echoed.json().path("body").asText().length());

        Answer download = exchange(HttpMethod.GET, "/api/bytes/3000000", Map.of(), null);
        assertEquals(200, download.status());
        assertEquals(3_000_000, download.body().length());
    }

    @Test
    void aBodyOverTheCapIsAnswered413AndNeverForwarded() {
        String path = "/api/echo/too-big-" + UUID.randomUUID();
        Answer declared = exchange(HttpMethod.POST, path, Map.of("Content-Type", "text/plain"),
                Buffer.buffer("x".repeat(MAX_BODY + 1)));

        assertEquals(413, declared.status()); // refused by quarkus.http.limits.max-body-size before it is read
        assertFalse(orchestrator.echoed().contains(path), "the orchestrator never saw it");
    }

    @Test
    void aChunkedBodyOverTheCapIsAnswered413AndNeverForwarded() {
        String path = "/api/echo/chunked-" + UUID.randomUUID();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost())
                .setPort(base.getPort()).setURI(path);
        Answer answer = complete(http.request(options).compose(request -> {
            request.setChunked(true);
            Future<io.vertx.core.http.HttpClientResponse> response = request.response();
            for (int i = 0; i < 5; i++) {
                request.write(Buffer.buffer("y".repeat(MAX_BODY / 4)));
            }
            request.end();
            return response;
        }).compose(response -> response.body().map(b -> new Answer(response.statusCode(), response.headers(), b))));

        assertEquals(413, answer.status());
        assertEquals("too_large", answer.json().path("code").asText());
        assertFalse(orchestrator.echoed().contains(path), "the orchestrator never saw it");
    }

    @Test
    void aClientThatWaitsFor100ContinueGetsItAndItsBodyGoesThrough() {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost())
                .setPort(base.getPort()).setURI("/api/echo/continue").putHeader("Expect", "100-continue")
                .putHeader("Content-Length", "5");
        Answer answer = complete(http.request(options).compose(request -> {
            Future<io.vertx.core.http.HttpClientResponse> response = request.response();
            request.continueHandler(go -> request.end(Buffer.buffer("hello")));
            request.sendHead();
            return response;
        }).compose(response -> response.body().map(b -> new Answer(response.statusCode(), response.headers(), b))));

        assertEquals(200, answer.status());
        assertEquals("hello", answer.json().path("body").asText());
        assertTrue(answer.json().path("headers").path("expect").isMissingNode(), "answered by the gateway");
    }

    @Test
    void theClientAddressReplacesWhateverTheClientClaimsUnlessItComesFromATrustedProxy() {
        Answer answer = exchange(HttpMethod.GET, "/api/echo/xff",
                Map.of("X-Forwarded-For", "203.0.113.9, 198.51.100.7"), null);

        assertEquals("127.0.0.1", answer.json().path("headers").path("x-forwarded-for").asText(),
                "no trusted proxy configured: the peer is the client, the claim is dropped");
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
