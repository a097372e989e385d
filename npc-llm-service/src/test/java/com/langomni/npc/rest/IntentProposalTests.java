package com.langomni.npc.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Intent proposals asked of an NPC replica (the simulators answer structured output deterministically: the offered
 * action with the most words in common with the player's text, or none).
 */
@QuarkusTest
@TestProfile(ReplicasProfile.class)
class IntentProposalTests {

    private static String request(String text) {
        return """
                {"text":"%s","location":"Thornwall Square",
                 "actions":["look","inventory","go north","talk to pip","take rusty lantern"]}""".formatted(text);
    }

    @Test
    void aReplicaPicksALegalAction() {
        given().contentType(ContentType.JSON).body(request("could I have that rusty old lantern"))
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
    void aRequestWithoutActionsIsRefused() {
        given().contentType(ContentType.JSON).body("{\"text\":\"look\",\"actions\":[]}")
                .post("/api/intent/propose").then().statusCode(400);
    }
}
