package com.langomni.orchestrator.game;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.orchestrator.support.Scrape;
import com.langomni.orchestrator.support.TestGateways;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.testkit.ServiceAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A burst far beyond the pools (16 PostgreSQL connections, 32 Redis connections, 256 actions admitted): every
 * request is answered, with a result or an explicit refusal, and afterwards no connection is left checked out,
 * health is UP and a normal action is served within 10 s. This is what collapsed the platform before: a crowded
 * room's roster read every player apart, Redis' wait queue overflowed, the fallback reads raced for one Panache
 * session per context and leaked PostgreSQL connections until nothing was left.
 */
@QuarkusTest
class OverloadTests {

    private static final int PLAYERS = 150;
    private static final int ACTIONS_PER_PLAYER = 5;
    private static final int LOGINS = 120;
    /** Far above any answer the platform gives when it is healthy; a request still open then counts as lost. */
    private static final Duration ANSWER_DEADLINE = Duration.ofSeconds(60);
    private static final List<String> MIX = List.of("look", "inventory", "say hello all", "look", "go north",
            "go south", "examine fountain");

    @TestHTTPResource("/")
    URI base;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aBurstBeyondEveryPoolIsAnsweredAndThePlatformIsIdleAndServingWithinTenSeconds() throws Exception {
        // Everyone online in the start square: each action's view lists all of them.
        List<TestPlayer> crowd = IntStream.range(0, PLAYERS).mapToObj(i -> TestPlayer.register()).toList();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        crowd.forEach(p -> burst.add(post(TestGateways.session(p.id(), "open"), p, null)));
        for (int round = 0; round < ACTIONS_PER_PLAYER; round++) {
            for (TestPlayer p : crowd) {
                String text = MIX.get((round + p.name().length()) % MIX.size());
                burst.add(post("/api/game/action", p, Map.of("id", UUID.randomUUID().toString(), "text", text)));
            }
        }
        // Password checks are CPU-bound by design: a crowd of logins is refused in part, at once, never queued.
        TestPlayer someone = crowd.get(0);
        IntStream.range(0, LOGINS).forEach(i -> burst.add(post("/api/auth/login", null,
                Map.of("name", someone.name(), "password", TestPlayer.PASSWORD))));

        Map<String, Integer> answers = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> request : burst) {
            HttpResponse<String> response = request.get(ANSWER_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            answers.merge(outcome(response), 1, Integer::sum);
        }

        System.out.println("OverloadTests answers: " + answers);
        int total = burst.size();
        assertEquals(total, answers.values().stream().mapToInt(Integer::intValue).sum());
        answers.keySet().forEach(outcome -> assertTrue(outcome.startsWith("200") || outcome.startsWith("201")
                || outcome.startsWith("204") || outcome.equals("429 " + ErrorCodes.RATE_LIMITED)
                || outcome.equals("503 " + ErrorCodes.OVERLOADED) || outcome.equals("503 " + ErrorCodes.BUSY),
                () -> "unexpected answer " + outcome + " in " + answers));
        assertTrue(answers.getOrDefault("200", 0) >= PLAYERS, () -> "too little was served: " + answers);

        // Within 10 s of the burst: every pool idle, health UP, a normal action served.
        String admin = TestAdmin.bearer();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Scrape metrics = Scrape.now();
            assertEquals(0.0, metrics.value("sql_pool_active"), "PostgreSQL connections still checked out");
            assertEquals(0.0, metrics.value("sql_pool_queue_size"), "requests still waiting for PostgreSQL");
            assertEquals(0.0, metrics.value("redis_pool_queue_size"), "commands still waiting for Redis");
            assertEquals(0.0, metrics.value("langomni_admission_in_flight"), "requests still admitted");
            given().header("Authorization", admin).get("/api/health/detailed").then().statusCode(200)
                    .body("components.postgresql.status", equalTo("UP"))
                    .body("components.redis.status", equalTo("UP"));
            TestPlayer.register().ok("look");
        });
        crowd.forEach(p -> post(TestGateways.session(p.id(), "close"), p, null).join());
    }

    private CompletableFuture<HttpResponse<String>> post(String path, TestPlayer player, Map<String, String> body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(ANSWER_DEADLINE)
                    .header("Content-Type", "application/json")
                    .header(ServiceAuth.HEADER, ServiceAuth.token()) // the gateway's way in
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (player != null) {
                request.header("Authorization", player.bearer());
            }
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** "200", or the status and error code of a refusal ("503 overloaded"). */
    private String outcome(HttpResponse<String> response) {
        if (response.statusCode() < 300) {
            return Integer.toString(response.statusCode());
        }
        try {
            JsonNode error = json.readTree(response.body());
            return response.statusCode() + " " + error.path("code").asText("?");
        } catch (Exception e) {
            return response.statusCode() + " unreadable";
        }
    }
}
