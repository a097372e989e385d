package com.langomni.memory.client;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embeddings client against a fake OpenAI-compatible server (RemoteBoundaries: bge-small, key k, 1 s). */
@QuarkusTest
@TestProfile(RemoteBoundaries.class)
class OpenAiEmbeddingsClientTest {

    FakeHttpServer server;

    @Inject
    OpenAiEmbeddingsClient client;

    @BeforeEach
    void warmUp() {
        RemoteBoundaries.warmUp(server, client);
    }

    @Test
    void embedsABatchInInputOrderWithModelAndKey() {
        server.answer(RemoteBoundaries.EMBEDDINGS, FakeHttpServer.Answer.json("{\"object\":\"list\",\"data\":["
                + "{\"object\":\"embedding\",\"index\":1,\"embedding\":[0.0,1.0]},"
                + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[1.0,0.0]}],\"model\":\"m\"}"));
        List<float[]> out = client.embed(List.of("first", "second")).await().indefinitely();
        assertArrayEquals(new float[] {1, 0}, out.get(0));
        assertArrayEquals(new float[] {0, 1}, out.get(1));
        String sent = server.lastRequest(RemoteBoundaries.EMBEDDINGS);
        assertTrue(sent.contains("\"model\":\"bge-small\"") && sent.contains("\"input\":[\"first\",\"second\"]"), sent);
        assertEquals("Bearer k", server.lastAuthorization(RemoteBoundaries.EMBEDDINGS));
        assertEquals("null", server.lastServiceToken(RemoteBoundaries.EMBEDDINGS), "our service token stays with us");
        assertEquals(server.url() + RemoteBoundaries.EMBEDDINGS, client.uri().toString(), "the base's / is dropped");
    }

    @Test
    void errorsShortAnswersAndTimeoutsThrow() {
        int before = server.requests(RemoteBoundaries.EMBEDDINGS).size();
        server.answer(RemoteBoundaries.EMBEDDINGS, FakeHttpServer.Answer.status(500));
        WebApplicationException error = assertInstanceOf(WebApplicationException.class, failure(List.of("a")));
        assertEquals(500, error.getResponse().getStatus());
        server.answer(RemoteBoundaries.EMBEDDINGS, FakeHttpServer.Answer.json("{\"data\":[]}"));
        Throwable shortAnswer = assertInstanceOf(ProcessingException.class, failure(List.of("a")));
        assertTrue(shortAnswer.getMessage().contains("0 embeddings for 1 texts"), shortAnswer.getMessage());
        server.answer(RemoteBoundaries.EMBEDDINGS, FakeHttpServer.Answer.hanging());
        long started = System.nanoTime();
        assertInstanceOf(TimeoutException.class, failure(List.of("a")));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(3).toNanos(), "the 1 s timeout bounds the wait");
        assertEquals(before + 3, server.requests(RemoteBoundaries.EMBEDDINGS).size());
    }

    private Throwable failure(List<String> texts) {
        return client.embed(texts).subscribe().withSubscriber(UniAssertSubscriber.create())
                .awaitFailure(Duration.ofSeconds(10)).getFailure();
    }
}
