package com.langomni.llm.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A streaming chat client for one OpenAI-compatible server (vLLM, Ollama, llama.cpp server). Timeouts and
 * fallbacks belong to the caller, which knows its latency budget; cancelling the returned stream closes the
 * HTTP request, so the server stops generating for nobody.
 */
public final class OpenAiClient {
    private static final String DONE = "[DONE]";

    private final String baseUrl;
    private final String authorization;
    private final OpenAiApi api;
    private final ObjectMapper json;

    private OpenAiClient(String baseUrl, String authorization, OpenAiApi api, ObjectMapper json) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.api = api;
        this.json = json;
    }

    /**
     * @param baseUrl        e.g. {@code http://vllm:8000/v1}
     * @param apiKey         sent as a bearer token; blank for servers that need none
     * @param connectTimeout how long to wait for a TCP connection
     * @param idleTimeout    a request on which nothing arrives this long is reset. Cancelling the stream closes
     *                       the request only once response headers have come, so this is what frees the
     *                       connection of a server that hangs before answering: use the caller's whole budget
     */
    public static OpenAiClient create(String baseUrl, String apiKey, Duration connectTimeout, Duration idleTimeout,
                                      ObjectMapper json) {
        String base = stripSlash(baseUrl);
        OpenAiApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(base))
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(idleTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(OpenAiApi.class);
        String authorization = apiKey == null || apiKey.isBlank() ? null : "Bearer " + apiKey;
        return new OpenAiClient(base, authorization, api, json);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The server's root (where vLLM serves {@code /health} and {@code /metrics}): the base URL without /v1. */
    public String rootUrl() {
        return baseUrl.endsWith("/v1") ? baseUrl.substring(0, baseUrl.length() - 3) : baseUrl;
    }

    /** Streams a chat completion chunk by chunk; the last chunk carries usage when the server reports it. */
    public Multi<ChatChunk> stream(ChatRequest request) {
        return api.streamChat(authorization, request)
                .map(String::strip)
                .select().where(data -> !data.isEmpty() && !DONE.equals(data))
                .map(this::parse);
    }

    public Uni<ModelList> models() {
        return api.models(authorization);
    }

    private ChatChunk parse(String data) {
        try {
            return json.readValue(data, ChatChunk.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable chunk from " + baseUrl + ": " + abbreviate(data), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }

    private static String stripSlash(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
