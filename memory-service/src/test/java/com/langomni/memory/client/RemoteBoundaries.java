package com.langomni.memory.client;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A memory-service that embeds through an OpenAI-compatible server, here a {@link FakeHttpServer} (model bge-small,
 * key k, 1 s timeout; the in-process model is not loaded), and whose npc-llm is configured but down (nothing listens
 * on port 1). Test classes of this profile get the embeddings server injected into their {@code FakeHttpServer}
 * field.
 */
public class RemoteBoundaries implements QuarkusTestProfile {

    public static final String EMBEDDINGS = "/v1/embeddings";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    /**
     * Embeds until an answer arrives within the deadline: the first call after boot loads the HTTP client's classes,
     * over a second on a busy machine (see {@link FakeNpcLlm#warmUp}).
     */
    public static void warmUp(FakeHttpServer embeddings, OpenAiEmbeddingsClient client) {
        embeddings.answer(EMBEDDINGS, FakeHttpServer.Answer.json("{\"data\":[{\"index\":0,\"embedding\":[1.0]}]}"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.embed(List.of("warm up"))
                .onFailure().recoverWithNull().await().indefinitely() != null);
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {
        private FakeHttpServer embeddings;

        @Override
        public Map<String, String> start() {
            try {
                embeddings = new FakeHttpServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("langomni.memory.embedding.url", embeddings.url() + "/v1/",
                    "langomni.memory.embedding.model", "bge-small",
                    "langomni.memory.embedding.api-key", "k",
                    "langomni.memory.embedding.timeout", "1s",
                    "langomni.memory.npc-llm.url", "http://127.0.0.1:1",
                    "langomni.memory.npc-llm.connect-timeout", "300ms");
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(embeddings, new TestInjector.MatchesType(FakeHttpServer.class));
        }

        @Override
        public void stop() {
            embeddings.close();
        }
    }
}
