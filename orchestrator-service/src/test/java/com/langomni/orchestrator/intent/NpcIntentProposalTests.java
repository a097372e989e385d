package com.langomni.orchestrator.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code langomni.intent.proposer=npc}: the proposal is asked of npc-llm-service, and applied as from world-llm. */
@QuarkusTest
@TestProfile(NpcIntentProposalTests.NpcProposer.class)
class NpcIntentProposalTests {

    public static class NpcProposer extends IntentProposerProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("langomni.intent.proposer", "npc");
            return overrides;
        }
    }

    @Inject
    FakeLlmServices fake;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void healthy() {
        fake.reset();
        breakers.resetAll();
    }

    @AfterEach
    void restore() {
        fake.reset();
    }

    @Test
    void theNpcServiceProposesAndTheRulesApply() {
        fake.intentPick("go west");
        Response response = TestPlayer.register().ok("the clang of a hammer calls me that way");
        String text = response.path("text");
        assertTrue(text.startsWith("(you try to go west)"), text);
        assertEquals("forge", response.path("player.locationId"));
        assertEquals(FakeLlmServices.NPC + "/api/intent/propose", fake.intentPaths().get(0));
    }
}
