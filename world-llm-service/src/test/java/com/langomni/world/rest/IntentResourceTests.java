package com.langomni.world.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.langomni.testkit.LlmSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Intent proposals against a real llm-simulator, which answers structured output deterministically: the offered
 * action with the most words in common with the player's text, or none.
 */
@QuarkusTest
@WithTestResource(WorldSimulatorResource.class)
class IntentResourceTests {

    private static final String ACTIONS = """
            ["look","inventory","go north","go east","talk to pip","take rusty lantern","attack grey wolf"]""";

    @InjectSimulator
    LlmSimulator simulator;

    @Inject
    CircuitBreakerMaintenance circuits;

    @BeforeEach
    void healthyBackend() {
        simulator.clearFaults();
        circuits.resetAll();
    }

    private static String request(String text) {
        return """
                {"text":"%s","location":"Thornwall Square","actions":%s}""".formatted(text, ACTIONS);
    }

    @Test
    void theModelPicksALegalAction() {
        given().contentType(ContentType.JSON).body(request("I'd love to grab that old lantern"))
                .post("/api/intent/propose")
                .then().statusCode(200)
                .body("action", equalTo("take rusty lantern"))
                .body("source", equalTo("llm"));
    }

    @Test
    void wordsThatMatchNothingAreNone() {
        given().contentType(ContentType.JSON).body(request("sing a song of sixpence"))
                .post("/api/intent/propose")
                .then().statusCode(200)
                .body("action", equalTo("none"));
    }

    @Test
    void aFailingModelIsUnavailableNotAGuess() {
        simulator.faults("{\"errorRate\":1.0}");
        given().contentType(ContentType.JSON).body(request("grab the lantern"))
                .post("/api/intent/propose")
                .then().statusCode(503);
    }

    @Test
    void aRequestWithoutTextOrActionsIsRefused() {
        given().contentType(ContentType.JSON).body("{\"text\":\"\",\"actions\":[\"look\"]}")
                .post("/api/intent/propose").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"text\":\"look\",\"actions\":[]}")
                .post("/api/intent/propose").then().statusCode(400);
    }
}
