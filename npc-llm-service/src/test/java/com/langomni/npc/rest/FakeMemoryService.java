package com.langomni.npc.rest;

import com.langomni.testkit.ServiceAuth;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for memory-service's {@code POST /api/embeddings/rank}, speaking its contract (RankRequest in,
 * List&lt;RankedText&gt; best first out, cosine scores, {@code limit} honoured) over real HTTP.
 *
 * <p>Why a double at this boundary: these tests are about npc-llm-service's own wiring (REST client, timeout,
 * circuit breaker, fallback, threshold), and they need memory-service to misbehave on demand (slow, stalled,
 * failing, off-contract), which the real one cannot be made to do. Booting the real service here would also load
 * the 190 MB MiniLM model into this JVM. The real chain (orchestrator -> npc-llm -> memory-service) is tested end
 * to end in e2e-tests.
 *
 * <p>Its "embedding" is a tiny concept table, so it knows what no lexical ranker can: a blade is a sword.
 * Words in the query steer it: {@code slowly} answers after 800 ms, {@code stalling} after 5 s, {@code explode}
 * fails with 500, {@code garble} returns an index that does not exist. {@code GET /calls} counts rank calls.
 */
public class FakeMemoryService implements QuarkusTestResourceLifecycleManager {
    private static final Map<String, String> CONCEPTS = concepts();

    private Vertx vertx;
    private final AtomicInteger calls = new AtomicInteger();

    private static Map<String, String> concepts() {
        Map<String, String> c = new HashMap<>();
        List.of("sword", "swords", "blade", "blades", "steel", "weapon").forEach(w -> c.put(w, "sword"));
        List.of("herb", "herbs", "silverleaf", "healing", "bleeding").forEach(w -> c.put(w, "herb"));
        List.of("wolf", "wolves", "beast", "beasts", "packs").forEach(w -> c.put(w, "wolf"));
        List.of("horse", "horses", "horseshoe", "horseshoes", "caravan").forEach(w -> c.put(w, "horse"));
        return c;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(this::handle).listen(0)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return Map.of("quarkus.rest-client.memory.url", "http://127.0.0.1:" + server.actualPort());
        } catch (Exception e) {
            throw new IllegalStateException("fake memory-service did not start", e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private void handle(HttpServerRequest req) {
        if (req.path().startsWith("/api/") && !ServiceAuth.accepts(req.getHeader(ServiceAuth.HEADER))) {
            req.response().setStatusCode(401).end(); // as memory-service does: npc-llm must send its token
            return;
        }
        switch (req.path()) {
            case "/q/health/ready" -> req.response().end(new JsonObject().put("status", "UP").encode());
            case "/calls" -> req.response().end(Integer.toString(calls.get()));
            case "/api/embeddings/rank" -> req.body().onSuccess(body -> rank(req, body.toJsonObject()));
            default -> req.response().setStatusCode(404).end();
        }
    }

    private void rank(HttpServerRequest req, JsonObject body) {
        calls.incrementAndGet();
        String query = body.getString("query", "");
        JsonArray answer = answer(query, body.getJsonArray("candidates", new JsonArray()),
                body.getInteger("limit", 5));
        Runnable reply = () -> req.response().putHeader("Content-Type", "application/json").end(answer.encode());
        if (query.contains("explode")) {
            req.response().setStatusCode(500).end("{\"code\":\"internal\",\"message\":\"boom\"}");
        } else if (query.contains("garble")) {
            req.response().putHeader("Content-Type", "application/json")
                    .end("[{\"index\":99,\"text\":\"?\",\"score\":0.9}]");
        } else if (query.contains("stalling")) {
            vertx.setTimer(5000, t -> reply.run());
        } else if (query.contains("slowly")) {
            vertx.setTimer(800, t -> reply.run());
        } else {
            reply.run();
        }
    }

    private static JsonArray answer(String query, JsonArray candidates, int limit) {
        Map<String, Integer> q = vector(query);
        List<JsonObject> ranked = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            String text = candidates.getString(i);
            ranked.add(new JsonObject().put("index", i).put("text", text).put("score", cosine(q, vector(text))));
        }
        ranked.sort(Comparator.comparingDouble((JsonObject o) -> o.getDouble("score")).reversed());
        return new JsonArray(new ArrayList<>(ranked.subList(0, Math.min(limit, ranked.size()))));
    }

    private static Map<String, Integer> vector(String text) {
        Map<String, Integer> v = new HashMap<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            String concept = CONCEPTS.get(w);
            if (concept != null) {
                v.merge(concept, 1, Integer::sum);
            }
        }
        return v;
    }

    private static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
        double dot = 0;
        for (var e : a.entrySet()) {
            dot += e.getValue() * b.getOrDefault(e.getKey(), 0);
        }
        double na = Math.sqrt(a.values().stream().mapToDouble(x -> x * x).sum());
        double nb = Math.sqrt(b.values().stream().mapToDouble(x -> x * x).sum());
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }
}
