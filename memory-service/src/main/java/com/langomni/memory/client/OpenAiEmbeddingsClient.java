package com.langomni.memory.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** An OpenAI-compatible {@code POST <base>/embeddings} (base ends in /v1): one request per batch of texts. */
public final class OpenAiEmbeddingsClient {

    record EmbeddingsRequest(String model, List<String> input) {
    }

    record EmbeddingsResponse(List<Item> data) {
        record Item(int index, float[] embedding) {
        }
    }

    private final JsonHttp http;
    private final URI uri;
    private final String model;
    private final Map<String, String> headers;
    private final Duration timeout;

    public OpenAiEmbeddingsClient(String baseUrl, String model, String apiKey, Duration timeout) {
        this.http = new JsonHttp(timeout);
        this.uri = JsonHttp.resolve(baseUrl, "/embeddings");
        this.model = model;
        this.headers = apiKey == null || apiKey.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
        this.timeout = timeout;
    }

    /** The embeddings of {@code texts}, in input order; throws when the server fails or answers short. */
    public List<float[]> embed(List<String> texts) throws IOException, InterruptedException {
        EmbeddingsResponse response = http.post(uri, new EmbeddingsRequest(model, texts), headers, timeout,
                EmbeddingsResponse.class);
        if (response.data() == null || response.data().size() != texts.size()) {
            throw new IOException(uri + " returned " + (response.data() == null ? 0 : response.data().size())
                    + " embeddings for " + texts.size() + " texts");
        }
        return response.data().stream()
                .sorted(Comparator.comparingInt(EmbeddingsResponse.Item::index))
                .map(EmbeddingsResponse.Item::embedding)
                .toList();
    }

    public URI uri() {
        return uri;
    }
}
