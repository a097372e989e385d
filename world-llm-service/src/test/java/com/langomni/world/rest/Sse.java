package com.langomni.world.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.narration.NarrationChunk;
import com.langomni.testkit.ServiceAuth;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A plain HTTP client reading {@code POST /api/narrate/stream} as any SSE consumer would. */
final class Sse {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One exchange: status, content type, the raw body and its events; {@code millis} until the body ended. */
    record Result(int status, String contentType, String body, List<String> dataLines, long millis) {

        List<NarrationChunk> chunks() {
            List<NarrationChunk> chunks = new ArrayList<>();
            for (String data : dataLines) {
                try {
                    chunks.add(JSON.readValue(data, NarrationChunk.class));
                } catch (JsonProcessingException e) {
                    throw new AssertionError("not a NarrationChunk: " + data, e);
                }
            }
            return chunks;
        }

        NarrationChunk last() {
            List<NarrationChunk> all = chunks();
            if (all.isEmpty()) {
                throw new AssertionError("no events in: " + body);
            }
            return all.get(all.size() - 1);
        }

        List<NarrationChunk> deltas() {
            return chunks().stream().filter(c -> !c.done()).toList();
        }
    }

    private Sse() {
    }

    /**
     * Opens a narration stream on a raw socket and leaves it open; {@link Open#close()} hangs up like a player who
     * left, whatever the server is doing.
     */
    static Open open(URI uri, String json) throws IOException {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\n" + ServiceAuth.HEADER + ": " + ServiceAuth.token()
                + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
        return new Open(socket);
    }

    /** A stream held open by the test. */
    record Open(Socket socket) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static Result post(URI uri, String json) {
        return postAsync(uri, json).join();
    }

    static CompletableFuture<Result> postAsync(URI uri, String json) {
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .header(ServiceAuth.HEADER, ServiceAuth.token())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            List<String> data = new ArrayList<>();
            for (String line : r.body().split("\n")) {
                if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                } else if (!line.isBlank() && r.statusCode() == 200) {
                    throw new AssertionError("not an SSE line: " + line);
                }
            }
            return new Result(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), data,
                    (System.nanoTime() - start) / 1_000_000);
        });
    }
}
