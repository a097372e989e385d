package com.langomni.orchestrator.narration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.orchestrator.support.CachedNarrations;
import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.TestPlayer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The narration policy in the pipeline: who gets the rules' text at once, and what world-llm is asked for. */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class NarrationPolicyTests {

    @Inject
    FakeLlmServices fake;

    @Inject
    MeterRegistry registry;

    @Inject
    RedisDataSource redis;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void healthyServices() {
        fake.reset();
        breakers.resetAll();
        CachedNarrations.forget(redis);
    }

    @Test
    void whatTheRulesSayInFullNeverWaitsForTheWorldModel() {
        TestPlayer player = TestPlayer.register();
        int calls = fake.worldRequests().size();
        double ruled = ruled("policy");

        assertEquals("You say, \"the rules know this\"", player.ok("say the rules know this").path("text"));
        for (String action : new String[] {"inventory", "help", "take the moon", "go nowhere-at-all"}) {
            assertEquals("rules", player.ok(action).path("source"), action);
        }

        assertEquals(calls, fake.worldRequests().size(), "world-llm was not asked");
        assertEquals(ruled + 5, ruled("policy"));
    }

    @Test
    void aLookAtAPlaceThePlayerHasJustSeenUnchangedIsTheRulesText() {
        TestPlayer player = TestPlayer.register();
        assertEquals("llm", player.ok("look").path("source"));
        int calls = fake.worldRequests().size();
        double seen = ruled("seen");

        assertEquals("rules", player.ok("look").path("source"));

        assertEquals(calls, fake.worldRequests().size());
        assertEquals(seen + 1, ruled("seen"));
    }

    @Test
    void aPlaceTheModelFailedToNarrateIsNotSeenYet() {
        TestPlayer player = TestPlayer.register();
        fake.mode(FakeLlmServices.Mode.RULES);
        assertEquals("rules", player.ok("look").path("source"), "world-llm fell back to the rules");
        fake.mode(FakeLlmServices.Mode.STREAM);

        assertEquals("llm", player.ok("look").path("source"), "the player has not read the model's words yet");
        assertEquals("rules", player.ok("look").path("source"), "now they have");
    }

    @Test
    void worldLlmIsAskedForAnAnswerSizedToTheIntentAndItsPriority() {
        TestPlayer player = TestPlayer.register();
        String look = UUID.randomUUID().toString();
        String sing = UUID.randomUUID().toString();

        player.act(look, "look").then().statusCode(200);
        player.act(sing, "sing of far away places").then().statusCode(200);

        assertEquals(120, request(look).path("maxTokens").asInt());
        assertEquals("high", request(look).path("priority").asText());
        assertEquals(60, request(sing).path("maxTokens").asInt());
        assertEquals("normal", request(sing).path("priority").asText());
        assertEquals(player.id(), request(sing).at("/player/id").asText(), "a free-form action is the player's own");
    }

    private JsonNode request(String actionId) {
        return fake.worldRequests().stream().filter(r -> actionId.equals(r.path("actionId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("world-llm was not asked to narrate " + actionId));
    }

    private double ruled(String reason) {
        return registry.counter("langomni.narration.ruled", "reason", reason).count();
    }
}
