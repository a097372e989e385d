package com.langomni.orchestrator.client;

import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.narration.NarrationResponse;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The world narrator. The breaker stops calling a service that keeps failing, so a dead one costs nothing. */
@ApplicationScoped
public class WorldLlmClient {

    private final WorldLlmRestClient client;

    WorldLlmClient(@RestClient WorldLlmRestClient client) {
        this.client = client;
    }

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<NarrationResponse> narrate(NarrationRequest request) {
        return client.narrate(request);
    }
}
