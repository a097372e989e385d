package com.langomni.orchestrator.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * memory-service as a half-broken process: memory writes are accepted and recorded, searches fail with 503 and
 * readiness is 503. Also gives every test boot a memory write stream of its own. Tests read what was written from {@code GET /recorded} (a JSON array of the request bodies).
 */
@QuarkusTestResource(MemoryServiceRecorder.class)
public class MemoryServiceRecorder implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private final List<String> writes = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/memories", this::memories);
        server.createContext("/recorded", exchange -> send(exchange, 200, "[" + String.join(",", writes) + "]"));
        server.createContext("/", exchange -> send(exchange, 503, "{\"status\":\"DOWN\"}"));
        server.start();
        // A stream of its own per test boot: entries an earlier run left in the shared Redis database stay out.
        return Map.of("langomni.services.memory-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "langomni.memory-queue.stream", "langomni:test:memory-writes:" + UUID.randomUUID());
    }

    private void memories(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if ("POST".equals(exchange.getRequestMethod()) && "/api/memories".equals(exchange.getRequestURI().getPath())) {
            writes.add(body);
            send(exchange, 201, "{\"id\":\"m" + writes.size() + "\",\"ownerId\":\"x\",\"kind\":\"conversation\","
                    + "\"text\":\"\",\"importance\":3,\"createdAt\":0,\"lastAccessAt\":0}");
            return;
        }
        send(exchange, 503, "{\"code\":\"unavailable\",\"message\":\"search is down\"}");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
