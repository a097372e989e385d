package com.langomni.orchestrator.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

/**
 * The orchestrator with live LLM and memory services: {@link FakeLlmServices} and {@link FakeMemoryService}, served
 * by the application itself, so the
 * test HTTP port is fixed up front for the REST clients to find it. Short budgets keep the timeout tests quick;
 * a fresh cache namespace per run keeps entries of an earlier run (same Redis database) from turning misses into
 * hits.
 */
public class LlmServicesProfile implements QuarkusTestProfile {

    public static final int FIRST_CHUNK_TIMEOUT_MS = 500;
    public static final int CONVERSATION_LINES = 4;
    public static final int HISTORY_CHECK_TTL_MS = 300;
    private static final int PORT = freePort();
    private static final String NAMESPACE = "test-" + UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
        String base = "http://127.0.0.1:" + PORT;
        return Map.ofEntries(
                Map.entry("quarkus.http.test-port", Integer.toString(PORT)),
                Map.entry("quarkus.rest-client.world-llm.url", base + FakeLlmServices.WORLD),
                Map.entry("quarkus.rest-client.npc-llm.url", base + FakeLlmServices.NPC),
                Map.entry("quarkus.rest-client.memory.url", base + FakeMemoryService.PATH),
                Map.entry("quarkus.rest-client.moderation.url", base + FakeModerationEndpoint.PATH + "/v1"),
                // a live service for the admin topology to probe: the application itself
                Map.entry("langomni.services.gateway-url", base),
                // the fakes answer at once or drop the connection; a loaded test machine must not turn them DOWN
                Map.entry("langomni.admin.backends-timeout", "2s"),
                Map.entry("langomni.narration.history.llm-check-ttl", HISTORY_CHECK_TTL_MS + "ms"),
                Map.entry("langomni.narration.first-chunk-timeout-ms", Integer.toString(FIRST_CHUNK_TIMEOUT_MS)),
                Map.entry("langomni.narration.stream-timeout-ms", "3000"),
                Map.entry("langomni.narration.npc-timeout-ms", "2000"),
                Map.entry("langomni.narration.conversation.lines", Integer.toString(CONVERSATION_LINES)),
                Map.entry("langomni.narration.cache.namespace", NAMESPACE));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
