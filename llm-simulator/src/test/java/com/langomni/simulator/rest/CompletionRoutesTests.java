package com.langomni.simulator.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.simulator.domain.Tokenizer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CompletionRoutesTests {
    static final String MODEL = "meta-llama/Llama-3.1-8B-Instruct";

    @TestHTTPResource("/")
    URI base;

    static String chat(String userText, int maxTokens, boolean stream, boolean includeUsage) {
        return """
                {"model":"%s","messages":[{"role":"system","content":"You narrate a dark fantasy town."},
                 {"role":"user","content":"%s"}],"max_tokens":%d,"stream":%s,"ignore_eos":true,
                 "stream_options":{"include_usage":%s},"temperature":0.7}"""
                .formatted(MODEL, userText, maxTokens, stream, includeUsage);
    }

    private SseClient streamToTheEnd(String path, String body) {
        SseClient client = SseClient.open(base, path, body);
        await().atMost(Duration.ofSeconds(10)).until(client::finished);
        assertNull(client.failure, "the stream ends cleanly");
        return client;
    }

    @Test
    void streamingChatIsWellFormedSseEndingWithUsageAndDone() {
        SseClient client = streamToTheEnd("/v1/chat/completions", chat("I look at the gate.", 12, true, true));
        assertEquals(200, client.response.statusCode());
        assertTrue(client.response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        assertTrue(client.rawLines.stream().filter(l -> !l.isEmpty()).allMatch(l -> l.startsWith("data: ")),
                "every line is 'data: …' with vLLM's space");

        List<SseClient.Event> events = client.events;
        assertTrue(events.get(events.size() - 1).done(), "[DONE] terminates the stream");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(SseClient.Event::json).toList();
        JsonNode first = chunks.get(0);
        assertTrue(first.get("id").asText().startsWith("chatcmpl-"));
        assertEquals("assistant", first.at("/choices/0/delta/role").asText());

        StringBuilder text = new StringBuilder();
        JsonNode usageChunk = chunks.get(chunks.size() - 1);
        List<JsonNode> contentChunks = chunks.subList(0, chunks.size() - 1);
        for (int i = 0; i < contentChunks.size(); i++) {
            JsonNode c = contentChunks.get(i);
            assertEquals(first.get("id"), c.get("id"), "one id per stream");
            assertEquals("chat.completion.chunk", c.get("object").asText());
            assertEquals(MODEL, c.get("model").asText());
            assertTrue(c.get("created").isIntegralNumber());
            text.append(c.at("/choices/0/delta/content").asText());
            boolean last = i == contentChunks.size() - 1;
            assertEquals(last ? "length" : null,
                    c.at("/choices/0/finish_reason").isNull() ? null : c.at("/choices/0/finish_reason").asText());
        }
        assertEquals(0, usageChunk.get("choices").size(), "the usage chunk has no choices");
        assertEquals(12, usageChunk.at("/usage/completion_tokens").asInt());
        assertEquals(usageChunk.at("/usage/prompt_tokens").asInt() + 12, usageChunk.at("/usage/total_tokens").asInt());
        assertEquals(12, Tokenizer.tokenize(text.toString()).size(), "the deltas make up the whole answer");

        Duration spread = SseClient.between(events.get(0), events.get(events.size() - 2));
        assertTrue(spread.toMillis() >= 50, "tokens arrive over time (12 × ~12 ms), not at once: " + spread);
    }

    @Test
    void streamingCompletionWithoutUsageHasNoUsageChunk() {
        String body = """
                {"model":"%s","prompt":"The tavern door opens and","max_tokens":5,"stream":true,"ignore_eos":true}"""
                .formatted(MODEL);
        SseClient client = streamToTheEnd("/v1/completions", body);
        List<SseClient.Event> events = client.events;
        assertEquals(6, events.size(), "five token chunks, then [DONE]");
        assertTrue(events.get(5).done());
        StringBuilder text = new StringBuilder();
        for (SseClient.Event e : events.subList(0, 5)) {
            JsonNode c = e.json();
            assertEquals("text_completion", c.get("object").asText());
            assertTrue(c.get("id").asText().startsWith("cmpl-"));
            assertTrue(c.path("usage").isMissingNode());
            text.append(c.at("/choices/0/text").asText());
        }
        assertEquals("length", events.get(4).json().at("/choices/0/finish_reason").asText());
        assertEquals(5, Tokenizer.tokenize(text.toString()).size());
    }

    @Test
    void nonStreamingChatHasTheOpenAiShape() {
        given().contentType(ContentType.JSON).body(chat("Who guards the bridge?", 7, false, false))
                .post("/v1/chat/completions")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("id", startsWith("chatcmpl-"))
                .body("object", equalTo("chat.completion"))
                .body("model", equalTo(MODEL))
                .body("created", greaterThan(1_700_000_000))
                .body("choices[0].index", equalTo(0))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("choices[0].finish_reason", equalTo("length"))
                .body("usage.completion_tokens", equalTo(7))
                .body("usage.prompt_tokens", greaterThan(10));
    }

    @Test
    void nonStreamingCompletionAndTheSameAnswerForTheSamePrompt() {
        String body = """
                {"prompt":["Once upon a time"],"max_tokens":40,"seed":5}""";
        String first = given().contentType(ContentType.JSON).body(body).post("/v1/completions")
                .then().statusCode(200)
                .body("object", equalTo("text_completion"))
                .body("usage.total_tokens", greaterThan(5))
                .extract().path("choices[0].text");
        String again = given().contentType(ContentType.JSON).body(body).post("/v1/completions")
                .then().statusCode(200).extract().path("choices[0].text");
        assertEquals(first, again, "generation is seeded by the request");
    }

    @Test
    void aRepeatedPromptPrefixIsServedFromThePrefixCache() {
        given().post("/reset_prefix_cache").then().statusCode(200);
        String system = "You are Orla, keeper of the Thornwall archive. ".repeat(40);
        String template = """
                {"model":"%s","messages":[{"role":"system","content":"%s"},{"role":"user","content":"%s"}],
                 "max_tokens":3}""";
        int cold = given().contentType(ContentType.JSON).body(template.formatted(MODEL, system, "Hello."))
                .post("/v1/chat/completions").then().statusCode(200)
                .extract().path("usage.prompt_tokens_details.cached_tokens");
        int warm = given().contentType(ContentType.JSON).body(template.formatted(MODEL, system, "Any maps?"))
                .post("/v1/chat/completions").then().statusCode(200)
                .extract().path("usage.prompt_tokens_details.cached_tokens");
        assertEquals(0, cold);
        assertTrue(warm >= 320, "the shared system prompt (≈ 360 tokens) is cached, got " + warm);
    }

    @Test
    void aPromptBeyondTheContextWindowIsRefusedLikeVllm() {
        given().contentType(ContentType.JSON).body(chat("Tell me everything.", 8192, false, false))
                .post("/v1/chat/completions")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("object", equalTo("error"))
                .body("type", equalTo("BadRequestError"))
                .body("code", equalTo(400))
                .body("message", containsString("This model's maximum context length is 8192 tokens. However, "
                        + "you requested 82"))
                .body("message", containsString("Please reduce the length of the messages or completion."));
    }

    @Test
    void badRequestsGetVllmErrors() {
        given().contentType(ContentType.JSON).body("{not json").post("/v1/chat/completions")
                .then().statusCode(400).body("type", equalTo("BadRequestError"));
        given().contentType(ContentType.JSON).body("{\"messages\":[]}").post("/v1/chat/completions")
                .then().statusCode(400).body("message", containsString("messages"));
        given().contentType(ContentType.JSON).body("{\"prompt\":42}").post("/v1/completions")
                .then().statusCode(400).body("message", containsString("prompt"));
        given().contentType(ContentType.JSON).body("{\"prompt\":\"hi\",\"max_tokens\":0}").post("/v1/completions")
                .then().statusCode(400).body("message", containsString("max_tokens"));
        given().contentType(ContentType.JSON).body("{\"prompt\":\"hi\",\"n\":3}").post("/v1/completions")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"model\":\"gpt-4o\",\"prompt\":\"hi\"}").post("/v1/completions")
                .then().statusCode(404).body("type", equalTo("NotFoundError"))
                .body("message", equalTo("The model `gpt-4o` does not exist."));
    }

    @Test
    void promptsAreNotRecordedUnlessAskedFor() {
        given().get("/sim/prompts").then().statusCode(404).body("message",
                org.hamcrest.Matchers.containsString("SIM_RECORDED_PROMPTS"));
    }
}
