package com.langomni.memory.client;

import com.langomni.memory.config.MemoryConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

/**
 * An OpenAI-compatible {@code POST <base>/embeddings} (base ends in /v1) when EMBEDDINGS_URL is set: one request per
 * batch of texts, within {@code langomni.memory.embedding.timeout} ({@link ClientGuards}).
 */
@Startup // builds the client at boot, not inside the first call's deadline
@ApplicationScoped
public class OpenAiEmbeddingsClient {

    /** Null when no URL is configured: the in-process model embeds. */
    private final EmbeddingsApi api;
    private final URI uri;
    private final String model;
    private final String authorization;

    OpenAiEmbeddingsClient(MemoryConfig config) {
        MemoryConfig.Embedding e = config.embedding();
        this.api = e.url().map(url -> RestClients.build(EmbeddingsApi.class, url, e.timeout(), e.timeout()))
                .orElse(null);
        this.uri = e.url().map(url -> URI.create(RestClients.base(url) + "/embeddings")).orElse(null);
        this.model = e.model().filter(m -> !m.isBlank()).orElse(null);
        this.authorization = e.apiKey().filter(k -> !k.isBlank()).map(k -> "Bearer " + k).orElse(null);
    }

    public boolean configured() {
        return api != null;
    }

    /** The endpoint, for logs and the admin; null when not configured. */
    public URI uri() {
        return uri;
    }

    /**
     * The embeddings of {@code texts}, in input order. Fails when the server fails, answers an error, too few
     * embeddings or nothing within the timeout.
     */
    @ApplyGuard(ClientGuards.EMBEDDINGS)
    public Uni<List<float[]>> embed(List<String> texts) {
        if (api == null) {
            return Uni.createFrom().failure(new IllegalStateException("EMBEDDINGS_URL is not set"));
        }
        return api.embed(authorization, new EmbeddingsApi.EmbeddingsRequest(model, texts))
                .map(response -> inInputOrder(response, texts.size()));
    }

    private List<float[]> inInputOrder(EmbeddingsApi.EmbeddingsResponse response, int expected) {
        int got = response.data() == null ? 0 : response.data().size();
        if (got != expected) {
            throw new ProcessingException(uri + " returned " + got + " embeddings for " + expected + " texts");
        }
        return response.data().stream()
                .sorted(Comparator.comparingInt(EmbeddingsApi.EmbeddingsResponse.Item::index))
                .map(EmbeddingsApi.EmbeddingsResponse.Item::embedding)
                .toList();
    }

    @PreDestroy
    void close() {
        RestClients.close(api);
    }
}
