package com.langomni.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** A player's socket as any WebSocket client sees it: JSON text frames in, frames kept until a test takes them. */
final class PlayerSocket implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger IDS = new AtomicInteger();

    private final List<JsonNode> inbox = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket ws;
    final String label;

    private PlayerSocket(String label, WebSocket ws) {
        this.label = label;
        this.ws = ws;
    }

    /** Opens the player's socket as a client does: a fresh ticket for the token, then the socket with it. */
    static PlayerSocket open(String gatewayBase, String playerId, String token, String label) {
        return openAt(gatewayBase, "/ws/game/" + playerId + "?ticket="
                + URLEncoder.encode(ticket(gatewayBase, token), StandardCharsets.UTF_8), label);
    }

    /** A single-use socket ticket for {@code token}: {@code POST /api/auth/ticket} through the gateway. */
    static String ticket(String gatewayBase, String token) {
        Api.Response answer = new Api(gatewayBase).post("/api/auth/ticket", "", token);
        if (answer.status() != 200) {
            throw new AssertionError("no socket ticket: " + answer.status() + " " + answer.body());
        }
        return answer.body().path("ticket").asText();
    }

    /** Opens the socket at {@code pathAndQuery} exactly as given (refusals: a token in the URL, a used ticket). */
    static PlayerSocket openAt(String gatewayBase, String pathAndQuery, String label) {
        String url = gatewayBase.replace("http://", "ws://") + pathAndQuery;
        PlayerSocket[] holder = new PlayerSocket[1];
        Listener listener = new Listener(holder);
        WebSocket ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), listener).join();
        PlayerSocket socket = new PlayerSocket(label, ws);
        holder[0] = socket;
        listener.flush();
        return socket;
    }

    void sendRaw(String text) {
        ws.sendText(text, true).join();
    }

    /** Sends an action frame and returns its id. */
    String action(String text) {
        String id = label + "-" + IDS.incrementAndGet();
        sendRaw(JSON.createObjectNode().put("type", "action").put("id", id).put("text", text).toString());
        return id;
    }

    /** Sends an action and waits for its {@code result} (or {@code error}) frame. */
    JsonNode play(String text) {
        String id = action(text);
        return awaitFrame("answer to '" + text + "'", f -> id.equals(f.path("actionId").asText())
                && ("result".equals(f.path("type").asText()) || "error".equals(f.path("type").asText())));
    }

    /** Waits for and removes the first frame, received or still to come, that matches. */
    JsonNode awaitFrame(String what, Predicate<JsonNode> match) {
        return Awaitility.await(label + " receives " + what).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(10)).until(() -> take(match), Optional::isPresent).orElseThrow();
    }

    /**
     * Waits for the {@code result} or {@code error} of an action and removes every frame of that action received
     * up to it ({@code narration} deltas first), in arrival order, the answer last.
     */
    List<JsonNode> awaitAnswer(String actionId) {
        Predicate<JsonNode> answer = f -> actionId.equals(f.path("actionId").asText())
                && ("result".equals(f.path("type").asText()) || "error".equals(f.path("type").asText()));
        Awaitility.await(label + " receives the answer to " + actionId).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(10)).until(() -> has(answer));
        synchronized (this) {
            List<JsonNode> frames = new ArrayList<>();
            for (var it = inbox.iterator(); it.hasNext(); ) {
                JsonNode f = it.next();
                if (actionId.equals(f.path("actionId").asText())) {
                    frames.add(f);
                    it.remove();
                    if (answer.test(f)) {
                        break;
                    }
                }
            }
            return frames;
        }
    }

    /** True if a matching frame has arrived (without removing it). */
    synchronized boolean has(Predicate<JsonNode> match) {
        return inbox.stream().anyMatch(match);
    }

    synchronized List<JsonNode> drain() {
        List<JsonNode> all = new ArrayList<>(inbox);
        inbox.clear();
        return all;
    }

    int awaitClose() {
        return Awaitility.await(label + " closed by the server").atMost(Duration.ofSeconds(15))
                .until(() -> closed.getNow(null), code -> code != null);
    }

    boolean isOpen() {
        return !closed.isDone() && !ws.isInputClosed();
    }

    private synchronized Optional<JsonNode> take(Predicate<JsonNode> match) {
        for (int i = 0; i < inbox.size(); i++) {
            if (match.test(inbox.get(i))) {
                return Optional.of(inbox.remove(i));
            }
        }
        return Optional.empty();
    }

    private synchronized void receive(JsonNode frame) {
        inbox.add(frame);
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    /** Collects frames; buffers those that arrive before the socket object exists. */
    private static final class Listener implements WebSocket.Listener {
        private final PlayerSocket[] holder;
        private final List<JsonNode> early = new ArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private Integer earlyClose;

        Listener(PlayerSocket[] holder) {
            this.holder = holder;
        }

        synchronized void flush() {
            early.forEach(holder[0]::receive);
            early.clear();
            if (earlyClose != null) {
                holder[0].closed.complete(earlyClose);
            }
        }

        @Override
        public synchronized CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode frame;
                try {
                    frame = JSON.readTree(partial.toString());
                } catch (Exception e) {
                    frame = JSON.createObjectNode().put("type", "unparseable").put("raw", partial.toString());
                }
                partial.setLength(0);
                if (holder[0] == null) {
                    early.add(frame);
                } else {
                    holder[0].receive(frame);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public synchronized CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (holder[0] == null) {
                earlyClose = statusCode;
            } else {
                holder[0].closed.complete(statusCode);
            }
            return null;
        }

        @Override
        public synchronized void onError(WebSocket webSocket, Throwable error) {
            if (holder[0] == null) {
                earlyClose = 1006;
            } else {
                holder[0].closed.complete(1006);
            }
        }
    }
}
