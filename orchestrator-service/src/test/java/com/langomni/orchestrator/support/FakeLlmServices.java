package com.langomni.orchestrator.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.intent.IntentProposal;
import com.langomni.api.llm.BackendStatus;
import com.langomni.api.narration.FallbackReason;
import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.narration.TokenUsage;
import com.langomni.api.npc.NpcReplyResponse;
import com.langomni.words.NarrationPrompt;
import com.langomni.words.PromptLimits;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * world-llm-service and npc-llm-service as their contracts describe them (SSE narration stream, NPC reply,
 * backends), served by the test application itself under /fake-world-llm and /fake-npc-llm so tests steer them
 * directly: how the stream behaves, how fast, and what was asked. Used by {@link LlmServicesProfile}; the real
 * services are tested in their own modules and joined in the end-to-end tests.
 */
@ApplicationScoped
public class FakeLlmServices {

    public static final String WORLD = "/fake-world-llm";
    public static final String NPC = "/fake-npc-llm";

    /** How the next world narrations go. */
    public enum Mode {
        /** Deltas, then the final llm chunk. */
        STREAM,
        /** Headers never come: stuck in a queue. */
        HANG,
        /** A few deltas, then the connection drops. */
        BREAK_MIDWAY,
        /** HTTP 500 at once. */
        ERROR,
        /** world-llm's own fallback: a final rules chunk, no deltas. */
        RULES,
        /** world-llm without an LLM: the rules narrate by design (reason disabled). */
        DISABLED
    }

    /** How the next intent proposals go. */
    public enum IntentMode {
        /** The action set with {@link #intentPick}, when it is among the actions offered; else none. */
        PICK,
        /** A pick that is not among the legal actions offered. */
        ILLEGAL,
        /** HTTP 500 at once. */
        ERROR,
        /** Headers never come. */
        HANG
    }

    /** The action the fake proposes in {@link IntentMode#ILLEGAL} mode. */
    public static final String ILLEGAL_ACTION = "take crown of aldwen";

    public static final int PROMPT_TOKENS = 120;
    /** world-llm's default langomni.world.prompt.* limits. */
    private static final NarrationPrompt PROMPTS = new NarrationPrompt(new PromptLimits(500, 8, 200, 5, 200, 6000));
    /** What every NPC reply reports it cost. */
    public static final TokenUsage NPC_USAGE = new TokenUsage(80, 12);

    private final ObjectMapper json;
    private final List<JsonNode> worldRequests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> npcRequests = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.STREAM;
    private volatile int deltas = 6;
    private volatile long deltaDelayMs = 1;
    private final List<JsonNode> intentRequests = new CopyOnWriteArrayList<>();
    private final List<String> intentTokens = new CopyOnWriteArrayList<>();
    private final List<String> intentPaths = new CopyOnWriteArrayList<>();
    private volatile IntentMode intentMode = IntentMode.PICK;
    private volatile String intentPick = IntentProposal.NONE;
    private volatile boolean npcDown;
    private volatile boolean npcFailing;
    private volatile boolean npcHealthy = true;
    private volatile boolean worldLlm = true;
    private volatile boolean echoPrompt;
    private volatile String worldText;
    private volatile String npcText;

    FakeLlmServices(ObjectMapper json) {
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.post(WORLD + "/api/narrate/stream").handler(BodyHandler.create())
                .handler(ctx -> narrate(ctx, ctx.body().buffer()));
        router.get(WORLD + "/api/backends").handler(ctx -> send(ctx, 200,
                worldLlm ? List.of(backend("world", "world", true)) : List.of()));
        router.post(WORLD + "/api/intent/propose").handler(BodyHandler.create())
                .handler(ctx -> propose(ctx, ctx.body().buffer()));
        // npc-llm answers intent proposals the same way (langomni.intent.proposer=npc); tagged so tests tell them apart
        router.post(NPC + "/api/intent/propose").handler(BodyHandler.create())
                .handler(ctx -> propose(ctx, ctx.body().buffer()));
        router.post(NPC + "/api/npc/reply").handler(BodyHandler.create())
                .handler(ctx -> reply(ctx, ctx.body().buffer()));
        router.get(NPC + "/api/backends").handler(ctx -> {
            if (npcDown) {
                ctx.request().connection().close();
            } else {
                send(ctx, 200, List.of(backend("npc-1", "npc", npcHealthy)));
            }
        });
    }

    public void reset() {
        mode = Mode.STREAM;
        deltas = 6;
        deltaDelayMs = 1;
        npcDown = false;
        npcFailing = false;
        npcHealthy = true;
        worldLlm = true;
        echoPrompt = false;
        worldText = null;
        npcText = null;
        intentMode = IntentMode.PICK;
        intentPick = IntentProposal.NONE;
        intentRequests.clear();
        intentTokens.clear();
        intentPaths.clear();
    }

    /** The path each intent proposal request came to (which fake service was asked). */
    public List<String> intentPaths() {
        return List.copyOf(intentPaths);
    }

    public void intentMode(IntentMode mode) {
        this.intentMode = mode;
    }

    /** What the proposer picks in {@link IntentMode#PICK} mode (when offered). */
    public void intentPick(String action) {
        this.intentPick = action;
    }

    /** The intent proposal requests received, in order. */
    public List<JsonNode> intentRequests() {
        return List.copyOf(intentRequests);
    }

    /** The X-Service-Token header of each intent proposal request ("" when absent). */
    public List<String> intentTokens() {
        return List.copyOf(intentTokens);
    }

    private void propose(RoutingContext ctx, Buffer body) {
        JsonNode request = read(body);
        intentRequests.add(request);
        String token = ctx.request().getHeader("X-Service-Token");
        intentTokens.add(token == null ? "" : token);
        intentPaths.add(ctx.normalizedPath());
        switch (intentMode) {
            case HANG -> { }
            case ERROR -> send(ctx, 500, Map.of("code", "internal", "message", "fake failure"));
            case ILLEGAL -> send(ctx, 200, new IntentProposal(ILLEGAL_ACTION, "llm"));
            case PICK -> {
                List<String> actions = new ArrayList<>();
                request.path("actions").forEach(a -> actions.add(a.asText()));
                send(ctx, 200, new IntentProposal(actions.contains(intentPick) ? intentPick : IntentProposal.NONE,
                        "llm"));
            }
        }
    }

    /** What the next world narrations say (null: {@link #narrationOf}, or the prompt when echoing). */
    public void worldText(String text) {
        this.worldText = text;
    }

    /** What the next NPC replies say (null: "Reply n to ..."). */
    public void npcText(String text) {
        this.npcText = text;
    }

    /**
     * Whether the narration is the user message world-llm would send its model for the request (game-words'
     * {@code NarrationPrompt} at world-llm's default limits), as a simulator that echoes its prompt: what a player
     * reads then shows whose words their narration was built from.
     */
    public void echoPrompt(boolean echo) {
        this.echoPrompt = echo;
    }

    /** The user message of world-llm's prompt for a recorded request. */
    public String promptOf(JsonNode request) {
        try {
            return PROMPTS.build(json.treeToValue(request, NarrationRequest.class)).user();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a narration request: " + request, e);
        }
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public void stream(int deltas, long delayMs) {
        this.deltas = deltas;
        this.deltaDelayMs = delayMs;
    }

    /** Whether world-llm lists an LLM backend (false: it narrates by rules only and answers [] ). */
    public void worldLlm(boolean configured) {
        this.worldLlm = configured;
    }

    public void npcDown(boolean down) {
        this.npcDown = down;
    }

    /** Whether NPC replies fail (HTTP 500; still recorded in {@link #npcRequests()}). */
    public void npcFailing(boolean failing) {
        this.npcFailing = failing;
    }

    /** Whether npc-llm reports its replica healthy (false: ejected, as after repeated failures). */
    public void npcHealthy(boolean healthy) {
        this.npcHealthy = healthy;
    }

    public List<JsonNode> worldRequests() {
        return List.copyOf(worldRequests);
    }

    public List<JsonNode> npcRequests() {
        return List.copyOf(npcRequests);
    }

    /** The narration the fake writes for a request: split into {@code deltas} pieces when streamed. */
    public static String narrationOf(JsonNode request) {
        return "You " + request.path("intent").asText() + ", and the fake narrator tells it: "
                + request.path("outcome").asText();
    }

    private void narrate(RoutingContext ctx, Buffer body) {
        JsonNode request = read(body);
        worldRequests.add(request);
        Mode now = mode;
        switch (now) {
            case HANG -> { }
            case ERROR -> send(ctx, 500, Map.of("code", "internal", "message", "fake failure"));
            default -> {
                HttpServerResponse response = ctx.response().setChunked(true)
                        .putHeader("Content-Type", "text/event-stream");
                String text = worldText != null ? worldText : echoPrompt ? promptOf(request) : narrationOf(request);
                boolean rules = now == Mode.RULES || now == Mode.DISABLED;
                List<String> pieces = rules ? List.of() : split(text, deltas);
                NarrationChunk last = rules
                        ? NarrationChunk.rules(request.path("outcome").asText(), now == Mode.RULES ? FallbackReason.BUSY : FallbackReason.DISABLED)
                        : NarrationChunk.llm(text, new TokenUsage(PROMPT_TOKENS, pieces.size()));
                emit(ctx, response, pieces, 0, now == Mode.BREAK_MIDWAY ? Math.min(3, pieces.size()) : -1, last);
            }
        }
    }

    /** Sends piece {@code i} after the delay, then the next; breaks the connection at {@code breakAt}. */
    private void emit(RoutingContext ctx, HttpServerResponse response, List<String> pieces, int i, int breakAt,
                      NarrationChunk last) {
        if (i == breakAt) {
            ctx.request().connection().close();
            return;
        }
        if (i == pieces.size()) {
            response.end(event(last));
            return;
        }
        response.write(event(NarrationChunk.delta(pieces.get(i))));
        ctx.vertx().setTimer(Math.max(1, deltaDelayMs), id -> emit(ctx, response, pieces, i + 1, breakAt, last));
    }

    private void reply(RoutingContext ctx, Buffer body) {
        JsonNode request = read(body);
        npcRequests.add(request);
        if (npcFailing) {
            send(ctx, 500, Map.of("code", "internal", "message", "fake failure"));
            return;
        }
        String text = npcText != null ? npcText
                : "Reply " + npcRequests.size() + " to " + request.path("playerText").asText();
        send(ctx, 200, new NpcReplyResponse(text, "llm", NPC_USAGE));
    }

    private static List<String> split(String text, int count) {
        List<String> pieces = new ArrayList<>();
        int size = Math.max(1, (int) Math.ceil(text.length() / (double) count));
        for (int start = 0; start < text.length(); start += size) {
            pieces.add(text.substring(start, Math.min(text.length(), start + size)));
        }
        return pieces;
    }

    private static BackendStatus backend(String name, String role, boolean healthy) {
        return new BackendStatus(name, role, "http://127.0.0.1:9/v1", "fake-model", healthy, 0, 1.0, 0.0, 0.25, 0.5,
                42.0, 10, 0, null, System.currentTimeMillis());
    }

    private String event(NarrationChunk chunk) {
        return "data: " + write(chunk) + "\n\n";
    }

    private void send(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(write(body));
    }

    private JsonNode read(Buffer body) {
        try {
            return json.readTree(body.getBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
