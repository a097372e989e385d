package com.langomni.gateway.support;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;

/** A real WebSocket client for tests: collects text frames and the close code the server sent. */
public final class TestSocket implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WebSocketClient client;
    private final ClientWebSocket socket;
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private volatile String closeReason;

    private TestSocket(Vertx vertx) {
        client = vertx.createWebSocketClient();
        socket = client.webSocket();
        socket.textMessageHandler(received::add);
        socket.closeHandler(v -> {
            closeReason = socket.closeReason();
            closeCode.complete(socket.closeStatusCode() == null ? -1 : (int) socket.closeStatusCode());
        });
    }

    /**
     * Opens {@code /ws/game/{playerId}} with a fresh ticket of {@code token} (null for no ticket), as a client does
     * after {@code POST /api/auth/ticket}; the fake orchestrator redeems it once (see {@link FakeOrchestrator}).
     */
    public static TestSocket open(Vertx vertx, URI base, String playerId, String token) {
        return openAt(vertx, base, "/ws/game/" + playerId + (token == null ? "" : "?ticket=" + ticket(token)));
    }

    /** Opens a socket for {@code playerId} with its valid token, resuming after {@code resume} (raw query value). */
    public static TestSocket resuming(Vertx vertx, URI base, String playerId, String resume) {
        return openAt(vertx, base, "/ws/game/" + playerId + "?ticket=" + ticket("token-" + playerId) + "&resume=" + resume);
    }

    /** Opens the socket at {@code uri} (path and query) exactly as given. */
    public static TestSocket openAt(Vertx vertx, URI base, String uri) {
        TestSocket test = new TestSocket(vertx);
        test.complete(test.socket.connect(new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort()).setURI(uri)));
        return test;
    }

    /** A fresh single-use ticket of {@code token}, as the fake orchestrator redeems it. */
    public static String ticket(String token) {
        return "ticket." + token + "." + java.util.UUID.randomUUID();
    }

    /** Opens a socket for {@code playerId} with its valid token and consumes the welcome frame. */
    public static TestSocket welcomed(Vertx vertx, URI base, String playerId) {
        TestSocket test = open(vertx, base, playerId, "token-" + playerId);
        JsonNode welcome = test.next();
        if (!"welcome".equals(welcome.path("type").asText())) {
            throw new AssertionError("Expected a welcome frame, got " + welcome);
        }
        return test;
    }

    public void send(String text) {
        complete(socket.writeTextMessage(text));
    }

    /**
     * For floods: sends unless the server has closed the socket, which it may do between the caller's check and
     * this write (the write then fails with "WebSocket is closed"). Returns whether the frame went out.
     */
    public boolean sendWhileOpen(String text) {
        try {
            send(text);
            return true;
        } catch (AssertionError e) {
            if (socket.isClosed()) {
                return false;
            }
            throw e;
        }
    }

    public void sendFrame(WebSocketFrame frame) {
        complete(socket.writeFrame(frame));
    }

    public void sendBinary(Buffer data) {
        complete(socket.writeBinaryMessage(data));
    }

    /** The next text frame, parsed; fails after {@link #WAIT}. */
    public JsonNode next() {
        return parse(nextText());
    }

    public String nextText() {
        try {
            String text = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new AssertionError("No frame within " + WAIT + (isClosed() ? "; socket closed with " + closeCode.join() : ""));
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends a ping and returns every frame received before the pong: a barrier that proves nothing else is queued. */
    public List<JsonNode> framesBeforePong() {
        send("{\"type\":\"ping\"}");
        List<JsonNode> before = new ArrayList<>();
        for (JsonNode frame = next(); !"pong".equals(frame.path("type").asText()); frame = next()) {
            before.add(frame);
        }
        return before;
    }

    /** Every frame received and not yet read, e.g. after the socket closed. */
    public List<String> drained() {
        List<String> rest = new ArrayList<>();
        received.drainTo(rest);
        return rest;
    }

    /** Waits for the server to close the socket and returns the close code. */
    public int awaitClose() {
        await().atMost(WAIT).until(closeCode::isDone);
        return closeCode.join();
    }

    public String closeReason() {
        return closeReason;
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
        client.close();
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    private <T> T complete(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
