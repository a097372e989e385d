package com.langomni.orchestrator.narration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.orchestrator.support.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * world-llm is down (connection refused), npc-llm hangs (UnresponsiveServer) and memory-service fails searches
 * but takes writes (MemoryServiceRecorder): actions still succeed with the rules' text, a hung NPC service costs
 * no more than the narration timeout, and the NPC still remembers the conversation.
 */
@QuarkusTest
class NarrationTests {

    @Inject
    World world;

    @Inject
    CircuitBreakerMaintenance breakers;

    @ConfigProperty(name = "langomni.narration.npc-timeout-ms")
    long timeoutMs;

    @ConfigProperty(name = "langomni.services.memory-url")
    String memoryUrl;

    /** The shipped default of langomni.narration.npc-timeout-ms (NarrationConfig); the configured value must apply. */
    private static final long ANNOTATED_TIMEOUT_MS = 4000;

    @BeforeEach
    void closeBreakers() {
        breakers.resetAll();
    }

    @Test
    void aDeadWorldNarratorFallsBackToTheRulesQuickly() {
        TestPlayer player = TestPlayer.register();
        long started = System.nanoTime();
        player.ok("look").then().body("source", equalTo("rules")).body("text", containsString(
                world.locations().get(world.startLocationId()).name()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.toMillis() < timeoutMs + 1000, took::toString);
    }

    @Test
    void aHungNpcServiceCostsTheTimeoutAndTheNpcStillAnswersFromThePack() {
        TestWorld map = new TestWorld(world);
        TestPlayer player = TestPlayer.register();
        TestWorld.Route route = map.routeTo(l -> !l.npcs().isEmpty());
        route.directions().forEach(direction -> player.ok("go " + direction));
        Npc npc = world.npcs().get(route.destination().npcs().get(0));

        long started = System.nanoTime();
        Response response = player.ok("ask " + npc.aliases().stream().findFirst().orElse(npc.name()) + " about the weather");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        response.then()
                .body("source", equalTo("rules"))
                .body("text", containsString(npc.name()));
        assertTrue(took.toMillis() >= timeoutMs - 50, () -> "answered in " + took + ", before the hung service could time out");
        assertTrue(timeoutMs + 1000 < ANNOTATED_TIMEOUT_MS, "the test timeout must be told apart from the default");
        assertTrue(took.toMillis() < timeoutMs + 1000, () -> "answered in " + took);

        await().atMost(Duration.ofSeconds(10)).until(() -> memoryOf(npc, player).isPresent());
        Map<String, Object> memory = memoryOf(npc, player).orElseThrow();
        assertEquals("conversation", memory.get("kind"));
        assertTrue(((String) memory.get("text")).contains("weather; I said: "), memory::toString);
    }

    /** What the NPC was asked to remember about this player, as memory-service received it. */
    private Optional<Map<String, Object>> memoryOf(Npc npc, TestPlayer player) {
        List<Map<String, Object>> writes = given().baseUri(memoryUrl).get("/recorded").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return writes.stream()
                .filter(w -> ("npc:" + npc.id()).equals(w.get("ownerId")))
                .filter(w -> String.valueOf(w.get("text")).startsWith(player.name() + " asked me about"))
                .findFirst();
    }
}
