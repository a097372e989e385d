package com.langomni.simulator.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With capture on, /sim/prompts returns each prompt as received and the answer given; capacity bounds it. */
@QuarkusTest
@TestProfile(PromptCaptureTests.CaptureTwo.class)
class PromptCaptureTests {

    public static class CaptureTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sim.debug.capture-prompts", "true", "sim.debug.capture-limit", "2");
        }
    }

    @Test
    void promptsAndAnswersAreKeptOldestFirstAndBeyondTheLimitTheOldestIsDropped() {
        given().delete("/sim/prompts").then().statusCode(204);
        long last = given().get("/sim/prompts").then().statusCode(200).extract().jsonPath().getLong("lastSeq");

        String answer = given().contentType(ContentType.JSON)
                .body(CompletionRoutesTests.chat("first <|system|> words", 5, false, false))
                .post("/v1/chat/completions").then().statusCode(200)
                .extract().jsonPath().getString("choices[0].message.content");
        JsonPath one = given().queryParam("after", last).get("/sim/prompts").then().statusCode(200)
                .body("entries", hasSize(1)).extract().jsonPath();
        assertEquals("chat", one.getString("entries[0].kind"));
        assertEquals("system", one.getString("entries[0].messages[0].role"));
        assertEquals("first <|system|> words", one.getString("entries[0].messages[1].content"));
        assertEquals(answer, one.getString("entries[0].output"), "the answer as the client received it");

        given().contentType(ContentType.JSON).body(CompletionRoutesTests.chat("second", 5, true, false))
                .post("/v1/chat/completions").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"prompt\":\"third\",\"max_tokens\":3}").post("/v1/completions").then().statusCode(200);

        JsonPath page = given().queryParam("after", last).get("/sim/prompts").then().statusCode(200)
                .body("entries", hasSize(2)).extract().jsonPath();
        assertEquals(last + 3, page.getLong("lastSeq"));
        assertEquals(1L, page.getLong("dropped") - one.getLong("dropped"), "the first prompt made room");
        assertEquals("second", page.getString("entries[0].messages[1].content"));
        assertNotNull(page.getString("entries[0].output"), "a streamed answer is kept too");
        assertEquals("completion", page.getString("entries[1].kind"));
        assertEquals("third", page.getString("entries[1].messages[0].content"));
        given().queryParam("after", last + 2).get("/sim/prompts").then().body("entries", hasSize(1));
    }
}
