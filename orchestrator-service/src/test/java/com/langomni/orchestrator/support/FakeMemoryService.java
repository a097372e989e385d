package com.langomni.orchestrator.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.memory.MemoryHit;
import com.langomni.api.memory.MemoryRecord;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * memory-service as its contract describes it (write, search, delete by subject / owner), served by the test
 * application itself under /fake-memory (see {@link LlmServicesProfile}) so tests steer it: up, down (503 to
 * everything), rejecting writes (400), and what it was sent. Searches answer one hit per owner, naming the owner and
 * the query, so a test can tell recalled memories apart. The real service is tested in its module and joined in
 * the end-to-end tests.
 */
@ApplicationScoped
public class FakeMemoryService {

    public static final String PATH = "/fake-memory";
    public static final long DELETED_ABOUT = 2;
    public static final long DELETED_OWNED = 3;

    /** How memory-service answers. */
    public enum Mode { UP, DOWN, REJECT_WRITES }

    private final ObjectMapper json;
    private final List<JsonNode> writes = new CopyOnWriteArrayList<>();
    private final List<JsonNode> searches = new CopyOnWriteArrayList<>();
    private final List<String> deletes = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusedWrites = new AtomicInteger();
    private volatile Mode mode = Mode.UP;

    FakeMemoryService(ObjectMapper json) {
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.post(PATH + "/api/memories").handler(BodyHandler.create()).handler(this::write);
        router.post(PATH + "/api/memories/search").handler(BodyHandler.create()).handler(this::search);
        router.delete(PATH + "/api/memories").handler(this::delete);
    }

    public void reset() {
        mode = Mode.UP;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Writes memory-service took (201), oldest first. */
    public List<JsonNode> writes() {
        return List.copyOf(writes);
    }

    /** Writes it took whose text contains {@code text}. */
    public List<JsonNode> writesContaining(String text) {
        return writes.stream().filter(w -> w.path("text").asText().contains(text)).toList();
    }

    public List<JsonNode> searches() {
        return List.copyOf(searches);
    }

    /** Query strings of the deletes it answered, e.g. {@code subject=<id>}. */
    public List<String> deletes() {
        return List.copyOf(deletes);
    }

    /** Writes answered with 503 (down) or 400 (rejecting). */
    public int refusedWrites() {
        return refusedWrites.get();
    }

    /** The text of the hit a search of {@code ownerId} for {@code query} returns. */
    public static String recalled(String ownerId, String query) {
        return "Memory of " + ownerId + " about " + query;
    }

    private void write(RoutingContext ctx) {
        switch (mode) {
            case DOWN -> {
                refusedWrites.incrementAndGet();
                send(ctx, 503, Map.of("code", "unavailable", "message", "fake memory-service is down"));
            }
            case REJECT_WRITES -> {
                refusedWrites.incrementAndGet();
                send(ctx, 400, Map.of("code", "bad_request", "message", "fake memory-service rejects writes"));
            }
            case UP -> {
                JsonNode write = read(ctx);
                writes.add(write);
                send(ctx, 201, record(write.path("ownerId").asText(), write.path("text").asText()));
            }
        }
    }

    private void search(RoutingContext ctx) {
        if (mode == Mode.DOWN) {
            send(ctx, 503, Map.of("code", "unavailable", "message", "fake memory-service is down"));
            return;
        }
        JsonNode search = read(ctx);
        searches.add(search);
        String owner = search.path("ownerId").asText();
        MemoryRecord hit = record(owner, recalled(owner, search.path("query").asText()));
        send(ctx, 200, List.of(new MemoryHit(hit, 0.9, 0.8)));
    }

    private void delete(RoutingContext ctx) {
        if (mode == Mode.DOWN) {
            send(ctx, 503, Map.of("code", "unavailable", "message", "fake memory-service is down"));
            return;
        }
        String subject = ctx.request().getParam("subject");
        String owner = ctx.request().getParam("owner");
        deletes.add(ctx.request().query());
        send(ctx, 200, subject != null
                ? Map.of("subject", subject, "deleted", DELETED_ABOUT)
                : Map.of("owner", owner, "deleted", DELETED_OWNED));
    }

    private static MemoryRecord record(String owner, String text) {
        long now = System.currentTimeMillis();
        return new MemoryRecord("m-" + now, owner, "observation", text, 5, now, now, null, List.of());
    }

    private JsonNode read(RoutingContext ctx) {
        try {
            return json.readTree(ctx.body().buffer().getBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
