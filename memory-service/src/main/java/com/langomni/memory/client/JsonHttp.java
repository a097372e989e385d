package com.langomni.memory.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Blocking JSON POST over the JDK client, shared by the embeddings and npc-llm clients. Both are called from
 * worker or background threads with a per-call deadline, and are unit-tested against an in-test HTTP server
 * without booting Quarkus, which the JDK client allows.
 */
final class JsonHttp {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpClient http;

    JsonHttp(Duration connectTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** POSTs {@code body} as JSON; a non-2xx status, bad JSON, a timeout or a refused connection throws. */
    <T> T post(URI uri, Object body, Map<String, String> headers, Duration timeout, Class<T> type)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        headers.forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return JSON.readValue(response.body(), type);
    }

    static URI resolve(String base, String path) {
        String b = base.strip();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }
}
