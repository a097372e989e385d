package com.langomni.npc.client;

import com.langomni.api.memory.RankRequest;
import com.langomni.api.memory.RankedText;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one way to memory-service. Ranking is on the dialog's hot path, so it gets a short timeout and a circuit
 * breaker: the timeout sits here, inside the breaker, so a slow memory-service counts as failing and the breaker
 * stops waiting on it altogether. The caller decides what to do instead.
 */
@ApplicationScoped
public class MemoryClient {
    public static final String RANK_BREAKER = "memory-rank";

    private final MemoryRestClient rest;

    public MemoryClient(@RestClient MemoryRestClient rest) {
        this.rest = rest;
    }

    /** Candidates ordered by similarity to the query, best first (memory-service {@code /api/embeddings/rank}). */
    @Timeout(300) // overridden by langomni.npc.ranking.timeout-ms, see application.properties
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5000, successThreshold = 1)
    @CircuitBreakerName(RANK_BREAKER)
    public Uni<List<RankedText>> rank(RankRequest request) {
        return rest.rank(request);
    }

    /** Whether memory-service answers ready within {@code budget}; never fails. */
    public Uni<Boolean> ready(Duration budget) {
        return rest.ready().map(r -> r.getStatus() == 200)
                .ifNoItem().after(budget).fail()
                .onFailure().recoverWithItem(false);
    }
}
