package com.langomni.orchestrator.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.memory.MemoryHit;
import com.langomni.api.memory.MemoryRecord;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.api.narration.TokenUsage;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * memory-service as its contract describes it (write, search, delete by subject / owner, and for the admin
 * API list, count, stats, read and delete by id over memories a test seeds), served by the test
 * application itself under /fake-memory (see {@link LlmServicesProfile}) so tests steer it: up, down (503 to
 * everything, readiness included), rejecting writes (400), failing the writes of one owner (while ready), answering
 * one owner's next write too late, and what it was sent. Like memory-service it stores one memory per idempotency
 * key and answers a repeat with that memory. Searches answer one hit per owner, naming the owner and the query, so a
 * test can tell recalled memories apart. The real service is tested in its module and joined in the end-to-end
 * tests.
 */
@ApplicationScoped
public class FakeMemoryService {

    public static final String PATH = "/fake-memory";
    public static final long DELETED_ABOUT = 2;
    /** What every write answer says its importance rating, and the owner's reflections since, cost. */
    public static final TokenUsage IMPORTANCE_USAGE = new TokenUsage(30, 2);
    public static final TokenUsage REFLECTION_USAGE = new TokenUsage(200, 20);
    public static final long DELETED_OWNED = 3;

    /** How memory-service answers. */
    public enum Mode { UP, DOWN, REJECT_WRITES }

    /** One write request as it arrived, whatever the answer: its {@code Idempotency-Key} header and its body. */
    public record Attempt(String key, JsonNode body) {
        public String text() {
            return body.path("text").asText();
        }
    }

    private final ObjectMapper json;
    private final List<JsonNode> writes = new CopyOnWriteArrayList<>();
    private final List<JsonNode> searches = new CopyOnWriteArrayList<>();
    private final List<String> deletes = new CopyOnWriteArrayList<>();
    private final Map<String, MemoryRecord> stored = new ConcurrentHashMap<>();
    private final AtomicInteger refusedWrites = new AtomicInteger();
    private final AtomicInteger replays = new AtomicInteger();
    private final AtomicInteger searchCalls = new AtomicInteger();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, MemoryRecord> byKey = new ConcurrentHashMap<>();
    private final Map<String, Integer> failingOwners = new ConcurrentHashMap<>();
    private final Map<String, Long> lateAnswers = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.UP;
    private volatile boolean keepWrites;

    FakeMemoryService(ObjectMapper json) {
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.get(PATH + "/q/health/ready").handler(this::ready);
        router.post(PATH + "/api/memories").handler(BodyHandler.create()).handler(this::write);
        router.post(PATH + "/api/memories/search").handler(BodyHandler.create()).handler(this::search);
        router.delete(PATH + "/api/memories").handler(this::delete);
        router.get(PATH + "/api/memories").handler(this::list);
        router.get(PATH + "/api/memories/count").handler(this::count);
        router.get(PATH + "/api/memories/stats").handler(this::stats);
        router.get(PATH + "/api/memories/:id").handler(this::getOne);
        router.delete(PATH + "/api/memories/:id").handler(this::deleteOne);
    }

    public void reset() {
        mode = Mode.UP;
        failingOwners.clear();
        lateAnswers.clear();
        keepWrites = false;
    }

    /**
     * With {@code true}, what is written is also stored as memory-service would store it (every field, provenance
     * included): listed, counted and read back like seeded memories, and searches answer them (newest first, scoped
     * to the subject and the public ones) instead of one made-up hit. Off after {@link #reset()}.
     */
    public void keepWrites(boolean keep) {
        keepWrites = keep;
    }

    /** Writes of {@code ownerId} get {@code status} while every other write is taken and readiness stays UP. */
    public void failWritesOf(String ownerId, int status) {
        failingOwners.put(ownerId, status);
    }

    /** The next write of {@code ownerId} is stored, but answered only after {@code delay} (the answer is "lost"). */
    public void answerNextWriteLate(String ownerId, java.time.Duration delay) {
        lateAnswers.put(ownerId, delay.toMillis());
    }

    /** Every write request, oldest first, whatever it was answered. */
    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Write requests whose text contains {@code text}, oldest first. */
    public List<Attempt> attemptsContaining(String text) {
        return attempts.stream().filter(a -> a.text().contains(text)).toList();
    }

    /** Writes answered with a memory stored before under the same idempotency key. */
    public int replays() {
        return replays.get();
    }

    /** Puts a memory in the fake's store: listed, counted, read and deleted by id (writes are only recorded). */
    public MemoryRecord seed(String ownerId, String text, long createdAt) {
        MemoryRecord memory = new MemoryRecord(UUID.randomUUID().toString(), ownerId, "observation", text, 4,
                createdAt, createdAt, null, List.of());
        stored.put(memory.id(), memory);
        return memory;
    }

    public boolean holds(String memoryId) {
        return stored.containsKey(memoryId);
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Memories stored from writes (a repeated idempotency key stores none), oldest first. */
    public List<JsonNode> writes() {
        return List.copyOf(writes);
    }

    /** Writes it took whose text contains {@code text}. */
    public List<JsonNode> writesContaining(String text) {
        return writes.stream().filter(w -> w.path("text").asText().contains(text)).toList();
    }

    /** Every search request that reached this service, failed ones included. */
    public int searchCalls() {
        return searchCalls.get();
    }

    public List<JsonNode> searches() {
        return List.copyOf(searches);
    }

    /** Query strings of the deletes it answered, e.g. {@code subject=<id>}. */
    public List<String> deletes() {
        return List.copyOf(deletes);
    }

    /** Writes answered with an error: 503 (down), 400 (rejecting) or the status failing an owner. */
    public int refusedWrites() {
        return refusedWrites.get();
    }

    /** The text of the hit a search of {@code ownerId} for {@code query} returns. */
    public static String recalled(String ownerId, String query) {
        return "Memory of " + ownerId + " about " + query;
    }

    private void ready(RoutingContext ctx) {
        if (up(ctx)) {
            send(ctx, 200, Map.of("status", "UP"));
        }
    }

    private void write(RoutingContext ctx) {
        JsonNode write = read(ctx);
        String key = ctx.request().getHeader(MemoryWrite.IDEMPOTENCY_KEY);
        String owner = write.path("ownerId").asText();
        attempts.add(new Attempt(key, write));
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
                Integer failure = failingOwners.get(owner);
                if (failure != null) {
                    refusedWrites.incrementAndGet();
                    send(ctx, failure, Map.of("code", "internal", "message", "fake memory-service fails for " + owner));
                    return;
                }
                MemoryRecord earlier = key == null ? null : byKey.get(owner + "\n" + key); // per owner, as there
                if (earlier != null) {
                    replays.incrementAndGet();
                    ctx.response().putHeader(MemoryWrite.REPLAYED, "true");
                    send(ctx, 201, earlier);
                    return;
                }
                MemoryRecord stored = keepWrites ? kept(write) : record(owner, write.path("text").asText());
                if (keepWrites) {
                    this.stored.put(stored.id(), stored);
                }
                if (key != null) {
                    byKey.put(owner + "\n" + key, stored);
                }
                writes.add(write);
                Long late = lateAnswers.remove(owner);
                if (late != null) {
                    ctx.vertx().setTimer(late, timer -> {
                        if (!ctx.response().closed() && !ctx.response().ended()) {
                            send(ctx, 201, stored);
                        }
                    });
                    return;
                }
                send(ctx, 201, stored);
            }
        }
    }

    private void search(RoutingContext ctx) {
        searchCalls.incrementAndGet();
        if (mode == Mode.DOWN) {
            send(ctx, 503, Map.of("code", "unavailable", "message", "fake memory-service is down"));
            return;
        }
        JsonNode search = read(ctx);
        searches.add(search);
        String owner = search.path("ownerId").asText();
        if (keepWrites) { // what is kept, scoped as memory-service scopes a recall: about the subject, or public
            String subject = search.path("subjectId").isTextual() ? search.path("subjectId").asText() : null;
            send(ctx, 200, owned(owner).stream()
                    .filter(m -> subject == null || subject.equals(m.subjectId())
                            || m.visibility() == com.langomni.api.memory.MemoryVisibility.PUBLIC)
                    .sorted(Comparator.comparingLong(MemoryRecord::createdAt).reversed())
                    .limit(search.path("limit").asInt(10)).map(m -> new MemoryHit(m, 0.9, 0.8)).toList());
            return;
        }
        MemoryRecord hit = record(owner, recalled(owner, search.path("query").asText()));
        send(ctx, 200, List.of(new MemoryHit(hit, 0.9, 0.8)));
    }

    private void list(RoutingContext ctx) {
        if (!up(ctx)) {
            return;
        }
        String owner = ctx.request().getParam("owner");
        int limit = Integer.parseInt(ctx.request().getParam("limit", "100"));
        send(ctx, 200, owned(owner).stream()
                .sorted(Comparator.comparingLong(MemoryRecord::createdAt).reversed()).limit(limit).toList());
    }

    private void count(RoutingContext ctx) {
        if (up(ctx)) {
            String owner = ctx.request().getParam("owner");
            send(ctx, 200, Map.of("owner", owner, "count", owned(owner).size()));
        }
    }

    private void stats(RoutingContext ctx) {
        if (up(ctx)) {
            send(ctx, 200, Map.of("memories", stored.size(), "owners", 0, "kinds", Map.of(), "store", "fake",
                    "dimension", 384));
        }
    }

    private void getOne(RoutingContext ctx) {
        if (!up(ctx)) {
            return;
        }
        MemoryRecord memory = stored.get(ctx.pathParam("id"));
        if (memory == null) {
            send(ctx, 404, Map.of("code", "not_found", "message", "no memory"));
        } else {
            send(ctx, 200, memory);
        }
    }

    private void deleteOne(RoutingContext ctx) {
        if (!up(ctx)) {
            return;
        }
        if (stored.remove(ctx.pathParam("id")) == null) {
            send(ctx, 404, Map.of("code", "not_found", "message", "no memory"));
        } else {
            ctx.response().setStatusCode(204).end();
        }
    }

    private List<MemoryRecord> owned(String owner) {
        return stored.values().stream().filter(m -> m.ownerId().equals(owner)).toList();
    }

    /** False (after answering 503) when the fake is down. */
    private boolean up(RoutingContext ctx) {
        if (mode == Mode.DOWN) {
            send(ctx, 503, Map.of("code", "unavailable", "message", "fake memory-service is down"));
            return false;
        }
        return true;
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
        return new MemoryRecord("m-" + UUID.randomUUID(), owner, "observation", text, 5, now, now, null, List.of(),
                IMPORTANCE_USAGE, REFLECTION_USAGE);
    }

    private MemoryRecord kept(JsonNode body) {
        MemoryWrite w;
        try {
            w = json.treeToValue(body, MemoryWrite.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long at = w.createdAt() == null ? System.currentTimeMillis() : w.createdAt();
        return new MemoryRecord("m-" + UUID.randomUUID(), w.ownerId(), w.kind(), w.text(),
                w.importance() == null ? 5 : w.importance(), at, at, w.subjectId(),
                w.evidence() == null ? List.of() : w.evidence(), IMPORTANCE_USAGE, REFLECTION_USAGE,
                com.langomni.api.memory.MemoryVisibility.orPrivate(w.visibility()), w.provenance());
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
