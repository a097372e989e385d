package com.langomni.simulator.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /sim/prompts with two prompts recorded: what clients sent, as sent, the latest kept. */
@QuarkusTest
@TestProfile(PromptsTests.RecordTwo.class)
class PromptsTests {

    public static class RecordTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sim.recorded-prompts", "2");
        }
    }

    @BeforeEach
    void forget() {
        given().delete("/sim/prompts").then().statusCode(204);
        given().get("/sim/prompts").then().statusCode(200).body("$", hasSize(0));
    }

    private static void send(String path, String body) {
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(200);
    }

    @Test
    void aChatPromptIsRecordedAsItsMessages() {
        send("/v1/chat/completions", CompletionRoutesTests.chat("<<<UNTRUSTED\\nsay hi\\nUNTRUSTED>>>", 2, false, false));
        given().get("/sim/prompts").then().statusCode(200).body("$", hasSize(1))
                .body("[0].kind", equalTo("CHAT"))
                .body("[0].messages[0].role", equalTo("system"))
                .body("[0].messages[0].content", equalTo("You narrate a dark fantasy town."))
                .body("[0].messages[1].role", equalTo("user"))
                .body("[0].messages[1].content", equalTo("<<<UNTRUSTED\nsay hi\nUNTRUSTED>>>"))
                .body("[0].prompt", nullValue())
                .body("[0].tokens", nullValue());
    }

    @Test
    void onlyTheLatestAreKeptCompletionsToo() {
        send("/v1/chat/completions", CompletionRoutesTests.chat("first", 2, false, false));
        send("/v1/completions", "{\"prompt\":\"second\",\"max_tokens\":2}");
        send("/v1/completions", "{\"prompt\":[1,2,3],\"max_tokens\":2}");
        given().get("/sim/prompts").then().statusCode(200).body("$", hasSize(2))
                .body("[0].kind", equalTo("COMPLETION")).body("[0].prompt", equalTo("second"))
                .body("[1].prompt", nullValue()).body("[1].messages", hasSize(0));
    }

    @Test
    void aMalformedRequestIsNotRecorded() {
        given().contentType(ContentType.JSON).body("{\"messages\":[]}").post("/v1/chat/completions")
                .then().statusCode(400);
        given().get("/sim/prompts").then().statusCode(200).body("$", hasSize(0));
    }
}
