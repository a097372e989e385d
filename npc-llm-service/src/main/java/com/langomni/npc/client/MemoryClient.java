package com.langomni.npc.client;

import com.langomni.api.memory.RankRequest;
import com.langomni.api.memory.RankedText;
import com.langomni.npc.config.NpcConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one way to memory-service. Ranking is on the dialog's hot path, so it gets a short timeout and a circuit
 * breaker: the timeout sits here, inside the breaker, so a slow memory-service counts as failing and the breaker
 * stops waiting on it altogether. The caller decides what to do instead. A SmallRye {@link TypedGuard} rather than
 * annotations, so its settings come from the typed {@code langomni.npc.ranking.*} ({@code timeout-ms}, {@code breaker.*}).
 */
@ApplicationScoped
public class MemoryClient {
    public static final String RANK_BREAKER = "memory-rank";

    private final MemoryRestClient rest;
    private final TypedGuard<Uni<List<RankedText>>> rankGuard;

    public MemoryClient(@RestClient MemoryRestClient rest, NpcConfig config) {
        this.rest = rest;
        NpcConfig.Ranking.Breaker breaker = config.ranking().breaker();
        this.rankGuard = TypedGuard.create(new TypeLiteral<Uni<List<RankedText>>>() { })
                .withTimeout().duration(config.ranking().timeoutMs(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker().name(RANK_BREAKER).requestVolumeThreshold(breaker.requestVolume())
                .failureRatio(breaker.failureRatio()).delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1).done()
                .build();
    }

    /** Candidates ordered by similarity to the query, best first (memory-service {@code /api/embeddings/rank}). */
    public Uni<List<RankedText>> rank(RankRequest request) {
        return Uni.createFrom().deferred(() -> rankGuard.get(() -> rest.rank(request)));
    }

    /** Whether memory-service answers ready within {@code budget}; never fails. */
    public Uni<Boolean> ready(Duration budget) {
        return rest.ready().map(r -> r.getStatus() == 200)
                .ifNoItem().after(budget).fail()
                .onFailure().recoverWithItem(false);
    }
}
