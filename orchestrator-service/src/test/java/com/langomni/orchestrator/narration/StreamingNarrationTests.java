package com.langomni.orchestrator.narration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.FakeLlmServices.Mode;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.PlayerChannel;
import com.langomni.orchestrator.support.TestPlayer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.langomni.orchestrator.common.RedisKeys;

/**
 * World narration streamed from world-llm-service: deltas reach the player's channel, coalesced and in order,
 * before the result; a hung, failing or broken stream ends in the rules' text within the budget; tokens are
 * counted.
 */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class StreamingNarrationTests {

    /** The rules' text for a free-form action (the world model narrates those; "say" is the rules' own text). */
    static final String UNKNOWN_RULES_TEXT = "Nothing comes of that. (Type \"help\" to see what you can do.)";

    @Inject
    FakeLlmServices fake;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    MeterRegistry registry;

    @Inject
    World world;

    @BeforeEach
    void healthyServices() {
        fake.reset();
        breakers.resetAll();
    }

    @AfterEach
    void restore() {
        fake.reset();
    }

    @Test
    void deltasReachThePlayerCoalescedAndInOrderBeforeTheResult() {
        int deltas = 30;
        fake.stream(deltas, 5);
        TestPlayer player = TestPlayer.register();
        try (PlayerChannel channel = new PlayerChannel(redis, json, player.id())) {
            String actionId = UUID.randomUUID().toString();
            Response response = player.act(actionId, "sing the fake narrator streams this");
            response.then().statusCode(200);
            assertEquals("llm", response.path("source"));

            await().atMost(Duration.ofSeconds(10)).until(() -> channel.hasResult(actionId));
            List<JsonNode> frames = channel.frames();
            JsonNode result = frames.get(frames.size() - 1);
            assertEquals("result", result.path("type").asText(), "the result comes last: " + frames);
            List<JsonNode> narration = frames.subList(0, frames.size() - 1);
            assertTrue(narration.stream().allMatch(f -> "narration".equals(f.path("type").asText())
                    && actionId.equals(f.path("actionId").asText())
                    && world.startLocationId().equals(f.path("_locationId").asText())), frames::toString);
            String streamed = narration.stream().map(f -> f.path("delta").asText()).collect(Collectors.joining());
            assertEquals(response.path("text"), streamed, "the deltas, in order, make up the text");
            assertEquals(result.path("text").asText(), streamed);
            assertTrue(narration.size() >= 2 && narration.size() <= deltas / 3,
                    () -> deltas + " deltas over ~150 ms should go out in a few publishes, not " + narration.size());
        }
    }

    @Test
    void aWorldLlmStuckBeforeItsFirstChunkCostsTheFirstChunkTimeoutAndTheRulesAnswer() {
        fake.mode(Mode.HANG);
        TestPlayer player = TestPlayer.register();
        try (PlayerChannel channel = new PlayerChannel(redis, json, player.id())) {
            long started = System.nanoTime();
            Response response = player.ok("sing is anyone there");
            long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

            response.then().statusCode(200);
            assertEquals("rules", response.path("source"));
            assertEquals(UNKNOWN_RULES_TEXT, response.path("text"));
            assertTrue(tookMs >= LlmServicesProfile.FIRST_CHUNK_TIMEOUT_MS - 50, () -> "answered in " + tookMs + " ms");
            assertTrue(tookMs < LlmServicesProfile.FIRST_CHUNK_TIMEOUT_MS + 1000, () -> "answered in " + tookMs + " ms");
            assertTrue(channel.frames("narration").isEmpty());
        }
    }

    @Test
    void aStreamThatBreaksMidwayEndsInTheRulesTextAfterTheDeltasSent() {
        fake.mode(Mode.BREAK_MIDWAY);
        fake.stream(10, 20);
        TestPlayer player = TestPlayer.register();
        try (PlayerChannel channel = new PlayerChannel(redis, json, player.id())) {
            String actionId = UUID.randomUUID().toString();
            Response response = player.act(actionId, "sing halfway through");

            response.then().statusCode(200);
            assertEquals("rules", response.path("source"));
            assertEquals(UNKNOWN_RULES_TEXT, response.path("text"));
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.hasResult(actionId));
            List<JsonNode> frames = channel.frames();
            assertTrue(frames.size() >= 2, "some deltas went out before the break: " + frames);
            assertEquals("result", frames.get(frames.size() - 1).path("type").asText(), frames::toString);
            assertEquals("rules", frames.get(frames.size() - 1).path("source").asText());
        }
    }

    @Test
    void aFailingWorldLlmAnswersWithTheRulesAndOpensTheBreaker() {
        fake.mode(Mode.ERROR);
        TestPlayer first = TestPlayer.register();
        TestPlayer second = TestPlayer.register();
        int before = fake.worldRequests().size();
        // requestVolumeThreshold 8 at failureRatio 0.75: eight failures in a row open it.
        for (int i = 0; i < 8; i++) {
            Response response = (i % 2 == 0 ? first : second).ok("sing attempt " + i);
            assertEquals("rules", response.path("source"));
        }
        assertEquals(before + 8, fake.worldRequests().size());

        fake.mode(Mode.STREAM);
        Response response = first.ok("sing the breaker is open");
        assertEquals("rules", response.path("source"), "an open breaker answers with the rules at once");
        assertEquals(before + 8, fake.worldRequests().size(), "world-llm was not called while the breaker is open");
    }

    @Test
    void worldLlmsOwnRulesAnswerIsPassedOn() {
        fake.mode(Mode.RULES);
        TestPlayer player = TestPlayer.register();

        Response response = player.ok("sing busy backends");

        assertEquals("rules", response.path("source"));
        assertEquals(UNKNOWN_RULES_TEXT, response.path("text"));
    }

    @Test
    void worldLlmGetsWhatTheRulesDecidedAndThePlayersWords() {
        TestPlayer player = TestPlayer.register();
        String actionId = UUID.randomUUID().toString();

        player.act(actionId, "sing checking the request").then().statusCode(200);

        JsonNode request = fake.worldRequests().stream()
                .filter(r -> actionId.equals(r.path("actionId").asText())).findFirst().orElseThrow();
        assertEquals("unknown", request.path("intent").asText());
        assertEquals("sing checking the request", request.path("playerText").asText());
        assertEquals(player.id(), request.at("/player/id").asText());
    }

    @Test
    void tokensAreCountedPerPlayerAndForTheWorld() {
        fake.stream(7, 1);
        TestPlayer player = TestPlayer.register();
        double promptBefore = registry.counter("langomni.llm.tokens", "role", "world", "kind", "prompt").count();
        long worldBefore = worldPrompt();

        player.ok("sing count my tokens");
        player.ok("sing and these too");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Long> mine = redis.hash(Long.class).hgetall(RedisKeys.playerTokens(player.id()));
            assertEquals(2L * FakeLlmServices.PROMPT_TOKENS, mine.get("prompt"));
            assertTrue(mine.get("completion") >= 2, mine::toString);
            assertTrue(worldPrompt() - worldBefore >= 2L * FakeLlmServices.PROMPT_TOKENS);
        });
        assertTrue(registry.counter("langomni.llm.tokens", "role", "world", "kind", "prompt").count()
                - promptBefore >= 2.0 * FakeLlmServices.PROMPT_TOKENS);
    }

    private long worldPrompt() {
        Long value = redis.hash(Long.class).hget(RedisKeys.worldTokens(), "prompt");
        return value == null ? 0 : value;
    }
}
