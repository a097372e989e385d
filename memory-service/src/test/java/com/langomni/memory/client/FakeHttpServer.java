package com.langomni.memory.client;

import com.langomni.testkit.ServiceAuth;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A programmable HTTP server for boundaries we do not own (an embeddings provider, npc-llm while it is built
 * elsewhere): per path, a status and body to answer, or a hang; it records request bodies and the authorization
 * headers (Authorization, X-Service-Token). Quarkus tests get one from a test resource ({@link FakeNpcLlm}, {@link RemoteBoundaries}), shared by the
 * test classes of that profile: read what a test sent relative to what was there before it.
 */
public final class FakeHttpServer implements AutoCloseable {

    public record Answer(int status, String body, boolean hang) {
        public static Answer json(String body) {
            return new Answer(200, body, false);
        }

        public static Answer status(int status) {
            return new Answer(status, "{}", false);
        }

        public static Answer hanging() {
            return new Answer(200, "{}", true);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.UnaryOperator<String>> computed = new ConcurrentHashMap<>();
    private final Map<String, List<String>> requests = new ConcurrentHashMap<>();
    private final Map<String, List<String>> authorizations = new ConcurrentHashMap<>();
    private final Map<String, List<String>> serviceTokens = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);

    public FakeHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            authorizations.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            serviceTokens.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(String.valueOf(exchange.getRequestHeaders().getFirst(ServiceAuth.HEADER)));
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(request);
            Answer answer = computed.containsKey(path) ? Answer.json(computed.get(path).apply(request))
                    : answers.getOrDefault(path, Answer.status(404));
            if (answer.hang()) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void answer(String path, Answer answer) {
        computed.remove(path);
        answers.put(path, answer);
    }

    /** Answers 200 with the JSON {@code body} computes from each request's body. */
    public void answerWith(String path, java.util.function.UnaryOperator<String> body) {
        computed.put(path, body);
    }

    public List<String> requests(String path) {
        return requests.getOrDefault(path, List.of());
    }

    /** The body of the latest request to {@code path}. */
    public String lastRequest(String path) {
        List<String> bodies = requests(path);
        return bodies.get(bodies.size() - 1);
    }

    /** The Authorization header of the latest request to {@code path}; "null" when there was none. */
    public String lastAuthorization(String path) {
        List<String> values = authorizations.getOrDefault(path, List.of());
        return values.get(values.size() - 1);
    }

    /** The X-Service-Token header of the latest request to {@code path}; "null" when there was none. */
    public String lastServiceToken(String path) {
        List<String> values = serviceTokens.getOrDefault(path, List.of());
        return values.get(values.size() - 1);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
