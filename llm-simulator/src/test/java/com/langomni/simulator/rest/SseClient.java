package com.langomni.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads a streaming completion the way OpenAI's SDKs do: events end at a blank line, each
 * {@code data:} line (one optional space after the colon) is an event's payload, {@code [DONE]} ends the
 * stream, every other payload must be JSON. Events are recorded with their arrival time.
 */
final class SseClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Event(String data, long arrivedNanos) {
        boolean done() {
            return "[DONE]".equals(data);
        }

        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + data, e);
            }
        }
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<String> rawLines = new CopyOnWriteArrayList<>();
    volatile HttpResponse<InputStream> response;
    volatile boolean ended;
    volatile IOException failure;
    private volatile InputStream body;

    /** Starts the request and reads it on a background thread. */
    static SseClient open(URI base, String path, String json) {
        SseClient client = new SseClient();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        CompletableFuture.runAsync(() -> client.read(request));
        return client;
    }

    private void read(HttpRequest request) {
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            body = response.body();
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            List<String> data = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                rawLines.add(line);
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(String.join("\n", data), System.nanoTime()));
                        data.clear();
                    }
                } else if (line.startsWith("data:")) {
                    String payload = line.substring(5);
                    data.add(payload.startsWith(" ") ? payload.substring(1) : payload);
                } else if (!line.startsWith(":")) {
                    throw new IOException("not an SSE line: " + line);
                }
            }
            ended = true;
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean finished() {
        return ended || failure != null;
    }

    void close() throws IOException {
        if (body != null) {
            body.close();
        }
    }

    static Duration between(Event a, Event b) {
        return Duration.ofNanos(b.arrivedNanos() - a.arrivedNanos());
    }
}
