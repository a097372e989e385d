package com.langomni.memory.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenAiEmbeddingsClientTest {

    private final FakeHttpServer server = new FakeHttpServer();

    OpenAiEmbeddingsClientTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void embedsABatchInInputOrderWithModelAndKey() throws Exception {
        server.answer("/v1/embeddings", FakeHttpServer.Answer.json("{\"object\":\"list\",\"data\":["
                + "{\"object\":\"embedding\",\"index\":1,\"embedding\":[0.0,1.0]},"
                + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[1.0,0.0]}],\"model\":\"m\"}"));
        OpenAiEmbeddingsClient client = new OpenAiEmbeddingsClient(server.url() + "/v1/", "bge-small", "k",
                Duration.ofSeconds(2));
        List<float[]> out = client.embed(List.of("first", "second"));
        assertArrayEquals(new float[] {1, 0}, out.get(0));
        assertArrayEquals(new float[] {0, 1}, out.get(1));
        String sent = server.requests("/v1/embeddings").get(0);
        assertTrue(sent.contains("\"model\":\"bge-small\"") && sent.contains("\"input\":[\"first\",\"second\"]"), sent);
    }

    @Test
    void errorsShortAnswersAndTimeoutsThrow() {
        OpenAiEmbeddingsClient client = new OpenAiEmbeddingsClient(server.url() + "/v1", null, null,
                Duration.ofSeconds(1));
        server.answer("/v1/embeddings", FakeHttpServer.Answer.status(500));
        assertThrows(IOException.class, () -> client.embed(List.of("a")));
        server.answer("/v1/embeddings", FakeHttpServer.Answer.json("{\"data\":[]}"));
        IOException shortAnswer = assertThrows(IOException.class, () -> client.embed(List.of("a")));
        assertTrue(shortAnswer.getMessage().contains("0 embeddings for 1 texts"));
        server.answer("/v1/embeddings", FakeHttpServer.Answer.hanging());
        assertThrows(IOException.class, () -> client.embed(List.of("a")));
        assertEquals(3, server.requests("/v1/embeddings").size());
    }
}
