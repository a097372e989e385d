package com.langomni.orchestrator.narration;

import com.langomni.api.llm.BackendStatus;
import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The world narrator. The breaker stops calling a service that keeps failing, so a dead one costs nothing.
 * The stream's deadlines are applied inside the breaker, so a hung service opens it like a dead one.
 */
@ApplicationScoped
public class WorldLlmClient {

    private final WorldLlmRestClient client;

    WorldLlmClient(@RestClient WorldLlmRestClient client) {
        this.client = client;
    }

    /**
     * Streams one narration: every delta goes to {@code onDelta} as it arrives (on the client's event loop) and
     * the Uni ends with the final chunk. Fails past either deadline, on any error, or when the stream ends without
     * its final chunk.
     */
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<NarrationChunk> narrate(NarrationRequest request, Duration firstChunkTimeout, Duration streamTimeout,
                                       Consumer<String> onDelta) {
        return NarrationStream.finalChunk(client.stream(request), firstChunkTimeout, streamTimeout, onDelta);
    }

    /** What the service's LLM backends are doing (admin); no breaker, the caller bounds the wait. */
    public Uni<List<BackendStatus>> backends() {
        return client.backends();
    }
}
