package com.langomni.orchestrator.narration;

import com.langomni.api.llm.BackendStatus;
import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.orchestrator.common.Breakers;
import com.langomni.orchestrator.common.ServicesConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The world narrator, with the fault tolerance of its calls: the stream's deadlines
 * ({@code langomni.narration.first-chunk-timeout-ms}, {@code stream-timeout-ms}) and a circuit breaker
 * ({@code langomni.services.breaker.*}). The deadlines are applied inside the breaker, so a hung service opens it
 * like a dead one, and then costs nothing. It fails rather than fall back: the one fallback is {@link Narrator}'s.
 */
@ApplicationScoped
public class WorldLlmClient {

    private final WorldLlmRestClient client;
    private final Duration firstChunkTimeout;
    private final Duration streamTimeout;
    private final TypedGuard<Uni<NarrationChunk>> breaker;

    WorldLlmClient(@RestClient WorldLlmRestClient client, NarrationConfig narration, ServicesConfig services) {
        this.client = client;
        this.firstChunkTimeout = Duration.ofMillis(narration.firstChunkTimeoutMs());
        this.streamTimeout = Duration.ofMillis(narration.streamTimeoutMs());
        this.breaker = Breakers.breaker("world-llm", new TypeLiteral<Uni<NarrationChunk>>() { }, services.breaker());
    }

    /**
     * Streams one narration: every delta goes to {@code onDelta} as it arrives (on the client's event loop) and
     * the Uni ends with the final chunk. Fails past either deadline, on any error, when the stream ends without
     * its final chunk, and at once while the breaker is open.
     */
    public Uni<NarrationChunk> narrate(NarrationRequest request, Consumer<String> onDelta) {
        return breaker.get(() -> NarrationStream.finalChunk(client.stream(request), firstChunkTimeout, streamTimeout,
                onDelta));
    }

    /** What the service's LLM backends are doing (admin); no breaker, the caller bounds the wait. */
    public Uni<List<BackendStatus>> backends() {
        return client.backends();
    }
}
