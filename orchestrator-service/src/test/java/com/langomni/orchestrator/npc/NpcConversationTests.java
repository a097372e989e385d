package com.langomni.orchestrator.npc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.orchestrator.support.TestWorld;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.langomni.orchestrator.common.RedisKeys;

/** npc-llm-service hears the conversation so far: the last lines, capped, kept per player and NPC for a while. */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class NpcConversationTests {

    @Inject
    FakeLlmServices fake;

    @Inject
    RedisDataSource redis;

    @Inject
    World world;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void healthyServices() {
        fake.reset();
        breakers.resetAll();
    }

    @Test
    void theNpcHearsTheLastLinesOfTheConversation() {
        TestPlayer player = TestPlayer.register();
        TestWorld.Route route = new TestWorld(world).routeTo(l -> !l.npcs().isEmpty());
        route.directions().forEach(direction -> player.ok("go " + direction));
        Npc npc = world.npcs().get(route.destination().npcs().get(0));
        String alias = npc.aliases().stream().findFirst().orElse(npc.name());

        for (String topic : List.of("the weather", "the road", "the woods")) {
            Response response = player.ok("ask " + alias + " about " + topic);
            assertEquals("llm", response.path("source"));
        }

        List<JsonNode> asked = fake.npcRequests().stream()
                .filter(r -> player.id().equals(r.path("playerId").asText())).toList();
        assertEquals(3, asked.size());
        assertEquals(List.of(), lines(asked.get(0)), "a first talk has no conversation");
        List<String> second = lines(asked.get(1));
        assertEquals(2, second.size());
        assertEquals(player.name() + ": ask " + alias + " about the weather", second.get(0));
        assertTrue(second.get(1).startsWith(npc.name() + ": Reply "), second::toString);
        List<String> third = lines(asked.get(2));
        assertEquals(LlmServicesProfile.CONVERSATION_LINES, third.size(), "capped to the last lines");
        assertEquals(player.name() + ": ask " + alias + " about the road", third.get(2));

        String key = RedisKeys.conversation(npc.id(), player.id());
        List<String> kept = redis.list(String.class).lrange(key, 0, -1);
        assertEquals(LlmServicesProfile.CONVERSATION_LINES, kept.size());
        assertEquals(player.name() + ": ask " + alias + " about the woods", kept.get(2), kept::toString);
        long ttl = redis.key(String.class).ttl(key);
        assertTrue(ttl > 0 && ttl <= Duration.ofMinutes(30).toSeconds(), () -> "ttl " + ttl);
    }

    @Test
    void aConversationIsPerPlayer() {
        TestPlayer first = TestPlayer.register();
        TestPlayer second = TestPlayer.register();
        TestWorld.Route route = new TestWorld(world).routeTo(l -> !l.npcs().isEmpty());
        Npc npc = world.npcs().get(route.destination().npcs().get(0));
        String alias = npc.aliases().stream().findFirst().orElse(npc.name());
        for (TestPlayer player : List.of(first, second)) {
            route.directions().forEach(direction -> player.ok("go " + direction));
        }

        first.ok("ask " + alias + " about secrets");
        second.ok("ask " + alias + " about secrets");

        assertEquals(List.of(), lines(lastRequest(second)), "the second player did not hear the first one's talk");
    }

    /** requestVolumeThreshold 8 at failureRatio 0.75 (langomni.services.breaker): eight failures in a row open it. */
    @Test
    void aFailingNpcServiceAnswersFromThePackAndOpensTheBreaker() {
        fake.npcFailing(true);
        TestPlayer first = TestPlayer.register();
        TestPlayer second = TestPlayer.register();
        TestWorld.Route route = new TestWorld(world).routeTo(l -> !l.npcs().isEmpty());
        Npc npc = world.npcs().get(route.destination().npcs().get(0));
        String alias = npc.aliases().stream().findFirst().orElse(npc.name());
        for (TestPlayer player : List.of(first, second)) {
            route.directions().forEach(direction -> player.ok("go " + direction));
        }
        int before = fake.npcRequests().size();
        for (int i = 0; i < 8; i++) {
            Response response = (i % 2 == 0 ? first : second).ok("ask " + alias + " about attempt " + i);
            assertEquals("rules", response.path("source"));
            assertTrue(response.path("text").toString().contains(npc.name()), () -> response.asString());
        }
        assertEquals(before + 8, fake.npcRequests().size());
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState("npc-llm"));

        fake.npcFailing(false);
        Response response = first.ok("ask " + alias + " about the open breaker");
        assertEquals("rules", response.path("source"), "an open breaker answers from the pack at once");
        assertEquals(before + 8, fake.npcRequests().size(), "npc-llm was not called while the breaker is open");
    }

    private JsonNode lastRequest(TestPlayer player) {
        List<JsonNode> mine = fake.npcRequests().stream()
                .filter(r -> player.id().equals(r.path("playerId").asText())).toList();
        return mine.get(mine.size() - 1);
    }

    private static List<String> lines(JsonNode request) {
        List<String> lines = new ArrayList<>();
        request.path("conversation").forEach(line -> lines.add(line.asText()));
        return lines;
    }
}
