package com.langomni.orchestrator.memory.client;

import com.langomni.api.memory.MemoryHit;
import com.langomni.api.memory.MemoryRecord;
import com.langomni.api.memory.MemorySearch;
import com.langomni.api.memory.MemoryWrite;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import com.langomni.orchestrator.common.Breakers;
import com.langomni.orchestrator.common.ServicesConfig;
import com.langomni.orchestrator.narration.NarrationConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * memory-service, with the fault tolerance of its calls. Searches go through a circuit breaker
 * ({@code langomni.services.breaker.*}), so a dead service costs nothing; recall, a search on the action path, adds
 * a deadline ({@code langomni.narration.memory-timeout-ms}) around it and answers no memories when either gives up
 * or the call fails (memories only enrich a prompt). Writes come only from the memory queue's worker, which backs off by itself and must see each answer's
 * status (a 4xx is a dead letter at once, anything else retried), so they have no breaker. The admin panel's reads
 * (list, count, one by id, stats) and deletes are rare and carry their own deadline in the caller, which answers
 * 503 or a null figure.
 */
@ApplicationScoped
public class MemoryClient {

    private final MemoryRestClient client;
    private final Duration recallTimeout;
    private final TypedGuard<Uni<List<MemoryHit>>> searches;

    MemoryClient(@RestClient MemoryRestClient client, NarrationConfig narration, ServicesConfig services) {
        this.client = client;
        this.recallTimeout = Duration.ofMillis(narration.memoryTimeoutMs());
        this.searches = Breakers.breaker("memory-search", new TypeLiteral<Uni<List<MemoryHit>>>() { },
                services.breaker());
    }

    /** The owner's memories most relevant to the search, best first; fails at once while the breaker is open. */
    public Uni<List<MemoryHit>> search(MemorySearch search) {
        return searches.get(() -> client.search(search));
    }

    /** {@link #search} for the action path: none when memory-service cannot say within the recall deadline. */
    public Uni<List<MemoryHit>> recall(MemorySearch search) {
        return search(search)
                .ifNoItem().after(recallTimeout).fail()
                .map(hits -> hits == null ? List.<MemoryHit>of() : hits)
                .onFailure().recoverWithItem(List.of());
    }

    /**
     * Stores a memory once per {@code idempotencyKey}: a repeat of a key memory-service already stored answers that
     * memory. Fails with a {@code WebApplicationException} carrying the status on any answer other than 2xx.
     */
    public Uni<MemoryRecord> write(String idempotencyKey, MemoryWrite memory) {
        return client.write(idempotencyKey, memory);
    }

    /** Erases every memory about a player, whoever owns it; the number erased. */
    public Uni<Long> deleteAbout(String playerId) {
        return client.deleteAbout(playerId).map(MemoriesDeleted::deleted);
    }

    /** Erases every memory of one owner; the number erased. */
    public Uni<Long> deleteOwned(String ownerId) {
        return client.deleteOwned(ownerId).map(MemoriesDeleted::deleted);
    }

    /** The newest {@code limit} memories of an owner, newest first. */
    public Uni<List<MemoryRecord>> list(String ownerId, int limit) {
        return client.list(ownerId, limit);
    }

    public Uni<Long> count(String ownerId) {
        return client.count(ownerId).map(MemoryCount::count);
    }

    /** One memory by id; empty when memory-service has none by that id. */
    public Uni<Optional<MemoryRecord>> get(String id) {
        return client.get(id).map(Optional::ofNullable)
                .onFailure(MemoryClient::notFound).recoverWithItem(Optional.empty());
    }

    /** Deletes one memory by id; false when memory-service has none by that id. */
    public Uni<Boolean> delete(String id) {
        return client.delete(id).replaceWith(true)
                .onFailure(MemoryClient::notFound).recoverWithItem(false);
    }

    public Uni<MemoryStoreStats> stats() {
        return client.stats();
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException e && e.getResponse().getStatus() == 404;
    }
}
