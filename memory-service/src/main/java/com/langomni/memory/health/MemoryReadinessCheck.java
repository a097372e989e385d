package com.langomni.memory.health;

import com.langomni.memory.repository.MemoryStore;
import com.langomni.memory.service.EmbeddingService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the embedding model is loaded and the store is open. */
@Readiness
@ApplicationScoped
public class MemoryReadinessCheck implements HealthCheck {

    private final EmbeddingService embeddings;
    private final MemoryStore store;

    public MemoryReadinessCheck(EmbeddingService embeddings, MemoryStore store) {
        this.embeddings = embeddings;
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        boolean model = embeddings.isReady();
        boolean open = store.isOpen();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("memory")
                .status(model && open)
                .withData("model", model ? "loaded" : "loading")
                .withData("store", store.name() + (open ? " open" : " closed"));
        if (open) {
            response.withData("memories", store.size());
        }
        return response.build();
    }
}
