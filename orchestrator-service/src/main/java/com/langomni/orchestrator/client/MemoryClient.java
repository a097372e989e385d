package com.langomni.orchestrator.client;

import com.langomni.api.memory.MemoryHit;
import com.langomni.api.memory.MemoryRecord;
import com.langomni.api.memory.MemorySearch;
import com.langomni.api.memory.MemoryWrite;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** NPC memories in memory-service, behind a circuit breaker. */
@ApplicationScoped
public class MemoryClient {

    private final MemoryRestClient client;

    MemoryClient(@RestClient MemoryRestClient client) {
        this.client = client;
    }

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<List<MemoryHit>> search(MemorySearch search) {
        return client.search(search);
    }

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<MemoryRecord> write(MemoryWrite memory) {
        return client.write(memory);
    }
}
