package com.langomni.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatChunkTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsAVllmDeltaAndTheUsageChunk() throws Exception {
        ChatChunk delta = json.readValue("""
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m",
                 "choices":[{"index":0,"delta":{"content":"The "},"logprobs":null,"finish_reason":null}]}""",
                ChatChunk.class);
        assertEquals("The ", delta.text());
        assertNull(delta.finishReason());

        ChatChunk usage = json.readValue("""
                {"id":"chatcmpl-1","object":"chat.completion.chunk","model":"m","choices":[],
                 "usage":{"prompt_tokens":12,"total_tokens":20,"completion_tokens":8}}""", ChatChunk.class);
        assertEquals("", usage.text());
        assertEquals(12, usage.usage().promptTokens());
        assertEquals(8, usage.usage().completionTokens());
    }

    @Test
    void writesTheOpenAiFieldNames() throws Exception {
        String body = json.writeValueAsString(ChatRequest.streaming(null, List.of(ChatMessage.user("hi")), 64, 0.7,
                null));
        assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true,\"max_tokens\":64,"
                + "\"temperature\":0.7,\"stream_options\":{\"include_usage\":true}}", body);
    }
}
