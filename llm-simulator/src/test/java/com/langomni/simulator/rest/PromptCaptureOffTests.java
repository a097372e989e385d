package com.langomni.simulator.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** By default nothing is kept: a simulator run as a vLLM stand-in holds no players' words. */
@QuarkusTest
class PromptCaptureOffTests {

    @Test
    void promptsAreNotFoundWhenCaptureIsOff() {
        given().get("/sim/prompts").then().statusCode(404);
        given().delete("/sim/prompts").then().statusCode(404);
    }
}
