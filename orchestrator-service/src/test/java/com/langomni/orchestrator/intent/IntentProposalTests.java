package com.langomni.orchestrator.intent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.FakeLlmServices.IntentMode;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Words the parser cannot map go to the intent proposer (the fake world-llm; world-llm-service and llm-simulator's
 * structured output are tested in their modules, and together by the corpus test); the
 * pick is validated against the legal actions and applied by the rules as if typed. Every failure (an illegal pick,
 * none, the service failing or past the deadline) is the rules' flavour with suggestions, never an error.
 * Players start in Thornwall Square: Pip is there, exits lead north, east, west and south.
 */
@QuarkusTest
@TestProfile(IntentProposerProfile.class)
class IntentProposalTests {

    private static final String NOT_UNDERSTOOD = "I don't understand. You could try: ";

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
    void aLegalPickIsAppliedByTheRulesAndShownAsUnderstood() {
        fake.intentPick("go east");
        TestPlayer player = TestPlayer.register();
        Response response = player.ok("I fancy some fresh air on the east side");
        String text = response.path("text");
        assertTrue(text.startsWith("(you try to go east)"), text);
        assertEquals("inn", response.path("player.locationId"));
        JsonNode asked = fake.intentRequests().get(fake.intentRequests().size() - 1);
        assertEquals("I fancy some fresh air on the east side", asked.path("text").asText());
        assertEquals("Thornwall Square", asked.path("location").asText());
        List<String> offered = new ArrayList<>();
        asked.path("actions").forEach(a -> offered.add(a.asText()));
        assertTrue(offered.containsAll(List.of("look", "go north", "go east", "talk to pip")), offered.toString());
        assertFalse(fake.intentTokens().get(fake.intentTokens().size() - 1).isEmpty(), "the call carries our token");
    }

    @Test
    void wordsTheParserUnderstandsAskNoModel() {
        TestPlayer player = TestPlayer.register();
        int before = fake.intentRequests().size();
        player.ok("please have a look at the notice board");
        player.ok("go to the forge").then();
        assertEquals(before, fake.intentRequests().size());
    }

    @Test
    void anIllegalPickChangesNothingAndSuggests() {
        fake.intentMode(IntentMode.ILLEGAL);
        notUnderstood(TestPlayer.register(), "I crown myself king of everything");
    }

    @Test
    void noPickChangesNothingAndSuggests() {
        fake.intentPick("none");
        notUnderstood(TestPlayer.register(), "xyzzy plugh");
    }

    @Test
    void aFailingProposerIsNoError() {
        fake.intentMode(IntentMode.ERROR);
        notUnderstood(TestPlayer.register(), "I fancy some fresh air on the east side");
    }

    @Test
    void aProposerPastItsDeadlineFallsBackInTime() {
        fake.intentMode(IntentMode.HANG);
        long started = System.nanoTime();
        notUnderstood(TestPlayer.register(), "I fancy some fresh air on the east side");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.toMillis() < IntentProposerProfile.DEADLINE_MS + 4_000, "took " + took);
    }

    @Test
    void aPronounStandsForTheLastThingReferredTo() {
        TestPlayer player = TestPlayer.register();
        player.ok("look at pip");
        int before = fake.npcRequests().size();
        player.ok("talk to him");
        await().atMost(Duration.ofSeconds(5)).until(() -> fake.npcRequests().size() > before);
        assertEquals("pip", fake.npcRequests().get(fake.npcRequests().size() - 1).path("npcId").asText());
    }

    @Test
    void talkToSomeoneWithWordsTellsThemTheWords() {
        TestPlayer player = TestPlayer.register();
        int before = fake.npcRequests().size();
        player.ok("talk to Pip I am searching for the lantern, please remember that");
        await().atMost(Duration.ofSeconds(5)).until(() -> fake.npcRequests().size() > before);
        JsonNode asked = fake.npcRequests().get(fake.npcRequests().size() - 1);
        assertEquals("pip", asked.path("npcId").asText());
        assertTrue(asked.toString().contains("I am searching for the lantern, please remember that"), asked.toString());
    }

    private static void notUnderstood(TestPlayer player, String text) {
        Response response = player.ok(text);
        String narration = response.path("text");
        assertTrue(narration.contains(NOT_UNDERSTOOD + "go north"), narration);
        assertTrue(narration.contains("talk to pip"), narration);
        assertEquals("square", response.path("player.locationId"));
    }
}
