package com.langomni.simulator.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** POST /v1/moderations: OpenAI's shape, flagged by sim.moderation-pattern, subject to the injected faults. */
@QuarkusTest
class ModerationsTests {

    @AfterEach
    void restoreFaults() {
        given().delete("/sim/faults").then().statusCode(200);
    }

    @Test
    void anInputThePatternFindsIsFlaggedInItsCategory() {
        given().contentType(ContentType.JSON).body("{\"input\":\"please FLAG-ME now\",\"model\":\"omni\"}")
                .post("/v1/moderations")
                .then().statusCode(200)
                .body("id", startsWith("modr-"))
                .body("model", equalTo("omni"))
                .body("results", hasSize(1))
                .body("results[0].flagged", equalTo(true))
                .body("results[0].categories.harassment", equalTo(true))
                .body("results[0].categories.violence", equalTo(false));
    }

    @Test
    void otherInputsAreNotFlaggedOnePerInput() {
        given().contentType(ContentType.JSON).body("{\"input\":[\"hello there\",\"flagme\"]}")
                .post("/v1/moderations")
                .then().statusCode(200)
                .body("results", hasSize(2))
                .body("results[0].flagged", equalTo(false))
                .body("results[0].categories.harassment", equalTo(false))
                .body("results[1].flagged", equalTo(true));
    }

    @Test
    void aMissingInputIsA400() {
        given().contentType(ContentType.JSON).body("{\"model\":\"omni\"}")
                .post("/v1/moderations")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"input\":[1,2]}")
                .post("/v1/moderations")
                .then().statusCode(400);
    }

    @Test
    void anInjectedErrorIsA500() {
        given().contentType(ContentType.JSON).body("{\"errorRate\":1.0}").post("/sim/faults").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"input\":\"hello\"}")
                .post("/v1/moderations")
                .then().statusCode(500);
    }
}
