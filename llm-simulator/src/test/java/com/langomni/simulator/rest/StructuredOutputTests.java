package com.langomni.simulator.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Structured output (response_format json_schema, guided_json): a deterministic choice from the schema's enum. */
@QuarkusTest
class StructuredOutputTests {

    @TestHTTPResource("/")
    URI base;

    private static String request(String userText, boolean stream, String format) {
        return """
                {"messages":[{"role":"system","content":"Pick the action the player means."},
                 {"role":"user","content":"%s"}],"max_tokens":64,"stream":%s,%s}"""
                .formatted(userText, stream, format);
    }

    private static String jsonSchema() {
        return """
                "response_format":{"type":"json_schema","json_schema":{"name":"intent","strict":true,"schema":
                 {"type":"object","properties":{"action":{"type":"string",
                  "enum":["look","go north","take rusty lantern","talk to pip","none"]}},
                  "required":["action"],"additionalProperties":false}}}""";
    }

    @Test
    void theOptionWithTheMostWordsInCommonIsChosen() {
        given().contentType(ContentType.JSON).body(request("I would love to grab that old lantern", false, jsonSchema()))
                .post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].message.content", equalTo("{\"action\":\"take rusty lantern\"}"));
    }

    @Test
    void noWordInCommonIsNone() {
        given().contentType(ContentType.JSON).body(request("dance a merry jig", false, jsonSchema()))
                .post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].message.content", equalTo("{\"action\":\"none\"}"));
    }

    @Test
    void guidedJsonIsHonouredToo() {
        String guided = """
                "guided_json":{"type":"object","properties":{"action":{"type":"string",
                 "enum":["look","talk to pip","none"]}}}""";
        given().contentType(ContentType.JSON).body(request("have a word with the urchin pip", false, guided))
                .post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].message.content", equalTo("{\"action\":\"talk to pip\"}"));
    }

    @Test
    void aStreamedStructuredAnswerIsTheSameJson() {
        SseClient client = SseClient.open(base, "/v1/chat/completions",
                request("head north through the gate", true, jsonSchema()));
        await().atMost(Duration.ofSeconds(10)).until(client::finished);
        assertNull(client.failure);
        StringBuilder text = new StringBuilder();
        client.events.stream().filter(e -> !e.done())
                .forEach(e -> text.append(e.json().at("/choices/0/delta/content").asText("")));
        assertEquals("{\"action\":\"go north\"}", text.toString());
    }
}
