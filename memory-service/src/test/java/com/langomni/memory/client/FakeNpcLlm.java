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
 * A memory-service whose npc-llm is a {@link FakeHttpServer} (npc-llm's endpoints are built in another module), with
 * quick rounds: a low reflection threshold, no wait between reflection attempts, a 1 s importance timeout.
 * Test classes of this profile get the server injected into their {@code FakeHttpServer} field.
 */
public class FakeNpcLlm implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("langomni.memory.reflection.threshold", "20",
                "langomni.memory.reflection.retry-after", "0s",
                "langomni.memory.importance.timeout", "1s");
    }

    /**
     * Calls npc-llm until an answer arrives within the deadline. The first call after boot loads the HTTP client's
     * classes, which takes over a second on a busy machine; tests then measure the fake's behaviour, not that.
     * Leaves the importance endpoint answering 5 from the LLM.
     */
    public static void warmUp(FakeHttpServer npc, NpcLlmClient client) {
        npc.answer("/api/npc/importance", FakeHttpServer.Answer.json("{\"importance\":5,\"source\":\"llm\"}"));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> client.importance("warm up").await().indefinitely().importance().isPresent());
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {
        private FakeHttpServer npc;

        @Override
        public Map<String, String> start() {
            try {
                npc = new FakeHttpServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("langomni.memory.npc-llm.url", npc.url());
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(npc, new TestInjector.MatchesType(FakeHttpServer.class));
        }

        @Override
        public void stop() {
            npc.close();
        }
    }
}
