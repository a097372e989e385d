package com.langomni.orchestrator.narration;

import com.langomni.orchestrator.support.CachedNarrations;
import io.quarkus.redis.datasource.RedisDataSource;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.api.memory.MemorySearch;
import com.langomni.orchestrator.memory.client.MemoryClient;
import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.FakeMemoryService;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * World narration carries the player's relevant history only when world-llm has an LLM to use it and the intent is
 * not cacheable; memory-service failing leaves it empty and the action goes on.
 */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class NarrationHistoryTests {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Inject
    FakeLlmServices llm;

    @Inject
    FakeMemoryService memory;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    MemoryClient memories;

    @Inject
    RedisDataSource redis;

    @BeforeEach
    @AfterEach
    void servicesUp() {
        llm.reset();
        memory.reset();
        breakers.resetAll();
    }

    /** The history world-llm was sent for this player's last narration. */
    private List<String> lastHistory(TestPlayer player) {
        List<JsonNode> mine = llm.worldRequests().stream()
                .filter(r -> player.id().equals(r.path("player").path("id").asText())).toList();
        List<String> history = new ArrayList<>();
        mine.get(mine.size() - 1).path("history").forEach(line -> history.add(line.asText()));
        return history;
    }

    @Test
    void anUncacheableActionCarriesTheRelevantHistory() {
        TestPlayer player = TestPlayer.register();
        // the LLM check may still hold a "none" from another test for up to its TTL
        await().atMost(DEADLINE).until(() -> {
            player.ok("sing I am back");
            return !lastHistory(player).isEmpty();
        });
        assertEquals(List.of(FakeMemoryService.recalled("player:" + player.id(), "sing I am back")), lastHistory(player));
    }

    @Test
    void aCacheableActionNeverCarriesHistory() {
        CachedNarrations.forget(redis); // a look another test cached would never reach world-llm
        TestPlayer player = TestPlayer.register();
        String actionId = java.util.UUID.randomUUID().toString();
        player.act(actionId, "look").then().statusCode(200);
        JsonNode asked = llm.worldRequests().stream().filter(r -> actionId.equals(r.path("actionId").asText()))
                .findFirst().orElseThrow();
        assertEquals(0, asked.path("history").size(), asked::toString);
        assertTrue(asked.path("player").isNull() || asked.path("player").isMissingNode(),
                "a place is narrated as anyone sees it, not as this player: " + asked);
    }

    @Test
    void withoutAnLlmThereIsNoHistory() {
        llm.worldLlm(false);
        TestPlayer player = TestPlayer.register();
        await().atMost(DEADLINE).until(() -> {
            player.ok("sing anyone there?");
            return lastHistory(player).isEmpty();
        });
        int searches = memory.searches().size();
        player.ok("sing still nobody?");
        assertEquals(List.of(), lastHistory(player));
        assertEquals(searches, memory.searches().size(), "memory-service is not even asked");
    }

    @Test
    void aDeadMemoryServiceLeavesTheHistoryEmpty() {
        TestPlayer player = TestPlayer.register();
        await().atMost(DEADLINE).until(() -> {
            player.ok("sing hello again");
            return !lastHistory(player).isEmpty();
        });
        memory.mode(FakeMemoryService.Mode.DOWN);

        player.ok("sing is anyone listening");

        assertEquals(List.of(), lastHistory(player));
    }

    /** requestVolumeThreshold 8 at failureRatio 0.75 (langomni.services.breaker): eight failures in a row open it. */
    @Test
    void aFailingMemoryServiceGivesNoMemoriesAndOpensTheRecallBreaker() {
        memory.mode(FakeMemoryService.Mode.DOWN);
        MemorySearch search = new MemorySearch("player:breaker-test", "where was I", 3);
        int before = memory.searchCalls();
        for (int i = 0; i < 8; i++) {
            assertEquals(List.of(), memories.recall(search).await().atMost(DEADLINE));
        }
        assertEquals(before + 8, memory.searchCalls());
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState("memory-search"));

        memory.mode(FakeMemoryService.Mode.UP);
        assertEquals(List.of(), memories.recall(search).await().atMost(DEADLINE), "an open breaker: no memories");
        assertEquals(before + 8, memory.searchCalls(), "memory-service was not asked while the breaker is open");
    }
}
