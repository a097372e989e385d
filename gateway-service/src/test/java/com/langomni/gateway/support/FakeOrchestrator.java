package com.langomni.gateway.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.game.ActionAck;
import com.langomni.api.game.ActionRequest;
import com.langomni.api.game.ActionResult;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.OutboxFrame;
import com.langomni.api.game.OutboxReplay;
import com.langomni.api.game.PlayerView;
import com.langomni.api.game.SessionOpened;
import com.langomni.api.game.Welcome;
import com.langomni.api.presence.HeartbeatReply;
import com.langomni.api.protocol.ErrorBody;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.api.protocol.ErrorFrame;
import com.langomni.api.protocol.ResultFrame;
import com.langomni.api.protocol.Sequenced;
import com.langomni.testkit.ServiceAuth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A stand-in for orchestrator-service at the HTTP boundary the gateway calls: the session endpoints, the action
 * endpoint and an echo behind {@code /api/**}, answering exactly as contracts.md says with canned data.
 * <p>
 * Why a double here: the real orchestrator is a separate Quarkus app with PostgreSQL, a world pack and three
 * downstream services; booting it inside this module's tests would make the gateway's build depend on all of
 * them. The contract between the two is small and fixed, so the gateway is tested against it here, and the real
 * pair is played end to end, over real sockets, by the e2e-tests module.
 * <p>
 * Canned behaviour: the token of player X is {@code token-X}; players named {@code missing-*} do not exist, those
 * named {@code crowded-*} / {@code restless-*} are past their socket limits (429 too_many_sockets / too_many_opens). A socket
 * ticket {@code ticket.<token>.<anything>} redeems once, to the token and its player ({@code nobody} for a token of
 * no player); a ticket starting {@code unavailable} is answered 503 {@code unavailable}, as when Redis is down. Each
 * player has an outbox in memory: an action's answer (result, or error for text {@code status:NNN} or over 500
 * characters, like the real pipeline) is appended to it and acknowledged with its seq, but not published (tests
 * publish what they want on Redis themselves), so the gateway fetches it after its catch-up grace. An action
 * {@code status:401} / {@code status:403} / {@code http:NNN} is answered with that HTTP status instead, and
 * {@code unkept} with the result in the acknowledgement itself (as when the orchestrator's outbox is down).
 */
public final class FakeOrchestrator {

    public record RecordedAction(String playerId, String id, String text) {
    }

    /** A session call's socket: {@code ?gateway=&connection=}. */
    public record RecordedSocket(String playerId, String gateway, String connection) {
    }

    private static final int MAX_ACTION_LENGTH = 500;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Vertx vertx = Vertx.vertx();
    private final List<RecordedAction> actions = new CopyOnWriteArrayList<>();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<String> redemptions = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> redeemed = ConcurrentHashMap.newKeySet();
    private final List<String> closed = new CopyOnWriteArrayList<>();
    private final List<RecordedSocket> openedSockets = new CopyOnWriteArrayList<>();
    private final List<RecordedSocket> closedSockets = new CopyOnWriteArrayList<>();
    private final List<String> heartbeats = new CopyOnWriteArrayList<>();
    private final List<Boolean> firstFlags = new CopyOnWriteArrayList<>();
    private volatile boolean resetHeartbeats;
    private final Map<String, String> locations = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Integer> maxInFlight = new ConcurrentHashMap<>();
    private final AtomicInteger openTickStreams = new AtomicInteger();
    private final List<String> echoed = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusedServiceTokens = new AtomicInteger();
    private final Map<String, List<String>> outboxes = new ConcurrentHashMap<>();
    private final Map<String, Long> trimmedUpTo = new ConcurrentHashMap<>();
    private volatile Duration actionDelay = Duration.ZERO;
    private volatile Duration openDelay = Duration.ZERO;
    private final java.util.Set<String> revokedFrames = ConcurrentHashMap.newKeySet();
    private volatile HttpServer server;
    private int port;

    public void start() {
        if (server != null) {
            return;
        }
        Router router = Router.router(vertx);
        // as the orchestrator does: every gateway call below must carry a valid service token
        router.route("/internal/*").handler(rc -> {
            if (ServiceAuth.accepts(rc.request().getHeader(ServiceAuth.HEADER))) {
                rc.next();
            } else {
                refusedServiceTokens.incrementAndGet();
                json(rc, 401, new ErrorBody(ErrorCodes.UNAUTHORIZED, "service token missing or not valid"));
            }
        });
        router.post("/internal/tickets/redeem").handler(BodyHandler.create()).handler(this::redeem);
        router.post("/internal/sessions/:playerId/open").handler(this::open);
        router.post("/internal/sessions/:playerId/close").handler(this::close);
        router.get("/internal/sessions/:playerId/frames").handler(this::frames);
        router.post("/internal/gateways/:gatewayId/heartbeat").handler(this::heartbeat);
        router.post("/internal/actions").handler(BodyHandler.create()).handler(this::action);
        router.get("/api/health").handler(rc -> json(rc, 200, Map.of("status", "UP")));
        router.get("/api/bytes/:size").handler(this::bytes);
        router.get("/api/ticks").handler(this::ticks);
        router.route("/api/*").handler(BodyHandler.create()).handler(this::echo);
        server = await(vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1"));
        port = server.actualPort();
    }

    /** Makes the orchestrator unreachable (connection refused) until {@link #start()} binds the same port again. */
    public void stop() {
        HttpServer running = server;
        server = null;
        if (running != null) {
            await(running.close());
        }
    }

    public void shutdown() {
        stop();
        await(vertx.close());
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where {@code playerId} stands when a socket opens (default {@code square}). */
    public void place(String playerId, String locationId) {
        locations.put(playerId, locationId);
    }

    public void actionDelay(Duration delay) {
        this.actionDelay = delay;
    }

    /** Opening a session answers this late (after counting the socket, as the real one would). */
    public void openDelay(Duration delay) {
        this.openDelay = delay;
    }

    /** The player's token stops working for the outbox (a logout elsewhere): frames answers 401. */
    public void revokeFrames(String playerId) {
        revokedFrames.add(playerId);
    }

    public List<RecordedAction> actionsOf(String playerId) {
        return actions.stream().filter(a -> a.playerId().equals(playerId)).toList();
    }

    public int maxConcurrentActions(String playerId) {
        return maxInFlight.getOrDefault(playerId, 0);
    }

    /** Appends a frame (JSON without seq) to the player's outbox; returns its seq. */
    public long append(String playerId, String frameJson) {
        List<String> outbox = outboxes.computeIfAbsent(playerId, id -> new CopyOnWriteArrayList<>());
        synchronized (outbox) {
            outbox.add(frameJson);
            return outbox.size();
        }
    }

    /** The outbox forgets frames up to {@code seq}, as retention does. */
    public void trim(String playerId, long seq) {
        trimmedUpTo.put(playerId, seq);
    }

    public long head(String playerId) {
        return outboxes.getOrDefault(playerId, List.of()).size();
    }

    private OutboxReplay replay(String playerId, Long after) {
        long head = head(playerId);
        if (after == null) {
            return OutboxReplay.fresh(head);
        }
        if (after > head || after < trimmedUpTo.getOrDefault(playerId, 0L)) {
            return new OutboxReplay(head, Sequenced.EXPIRED, List.of());
        }
        List<String> outbox = outboxes.getOrDefault(playerId, List.of());
        List<OutboxFrame> frames = new ArrayList<>();
        for (long seq = after + 1; seq <= head; seq++) {
            frames.add(new OutboxFrame(seq, outbox.get((int) seq - 1)));
        }
        return new OutboxReplay(head, Sequenced.RESUMED, frames);
    }

    private void frames(RoutingContext rc) {
        String playerId = rc.pathParam("playerId");
        if (!admitted(rc, playerId)) {
            return;
        }
        if (revokedFrames.contains(playerId)) {
            error(rc, 401, ErrorCodes.UNAUTHORIZED, "Session ended.");
            return;
        }
        json(rc, 200, replay(playerId, Long.parseLong(rc.request().getParam("after"))));
    }

    /** Every ticket the gateway asked to redeem, oldest first. */
    public List<String> redemptions() {
        return redemptions;
    }

    private void redeem(RoutingContext rc) {
        String ticket = rc.body().asJsonObject().getString("ticket");
        redemptions.add(ticket);
        if (ticket.startsWith("unavailable")) {
            error(rc, 503, ErrorCodes.UNAVAILABLE, "the game is temporarily unavailable");
            return;
        }
        int end = ticket.lastIndexOf('.');
        if (!ticket.startsWith("ticket.") || end <= "ticket.".length() || !redeemed.add(ticket)) {
            error(rc, 401, ErrorCodes.UNAUTHORIZED, "this ticket is unknown, used or expired");
            return;
        }
        String token = ticket.substring("ticket.".length(), end);
        String owner = token.startsWith("token-") ? token.substring("token-".length()) : "nobody";
        json(rc, 200, new com.langomni.api.game.RedeemedTicket(owner, token));
    }

    public List<String> opened() {
        return opened;
    }

    public List<String> closed() {
        return closed;
    }

    public List<RecordedSocket> openedSockets() {
        return openedSockets;
    }

    public List<RecordedSocket> closedSockets() {
        return closedSockets;
    }

    /** The gateway ids heartbeats came from, oldest first. */
    public List<String> heartbeats() {
        return heartbeats;
    }

    /** Each heartbeat's {@code first} flag, oldest first. */
    public List<Boolean> heartbeatFirstFlags() {
        return firstFlags;
    }

    /** Heartbeats are answered {@code {"reset": reset}} from now on (true: as if the gateway had been declared dead). */
    public void resetHeartbeats(boolean reset) {
        resetHeartbeats = reset;
    }

    private void heartbeat(RoutingContext rc) {
        heartbeats.add(rc.pathParam("gatewayId"));
        firstFlags.add(Boolean.parseBoolean(rc.queryParams().get("first")));
        json(rc, 200, new HeartbeatReply(resetHeartbeats));
    }

    /** The socket a session call names; null (after answering 400, as the orchestrator does) when it names none. */
    private RecordedSocket socket(RoutingContext rc, String playerId) {
        String gateway = rc.request().getParam("gateway");
        String connection = rc.request().getParam("connection");
        if (gateway == null || gateway.isBlank() || connection == null || connection.isBlank()) {
            error(rc, 400, ErrorCodes.BAD_REQUEST, "gateway and connection are required");
            return null;
        }
        return new RecordedSocket(playerId, gateway, connection);
    }

    private void open(RoutingContext rc) {
        String playerId = rc.pathParam("playerId");
        if (!admitted(rc, playerId)) {
            return;
        }
        RecordedSocket socket = socket(rc, playerId);
        if (socket == null) {
            return;
        }
        if (playerId.startsWith("crowded-")) {
            error(rc, 429, ErrorCodes.TOO_MANY_SOCKETS, "You have 3 game windows open already; close one, then connect again.");
            return;
        }
        if (playerId.startsWith("restless-")) {
            error(rc, 429, ErrorCodes.TOO_MANY_OPENS, "You connected 10 times within a minute; wait a few seconds, then connect again.");
            return;
        }
        openedSockets.add(socket);
        opened.add(playerId);
        String location = locations.getOrDefault(playerId, "square");
        PlayerView player = new PlayerView(playerId, "Name " + playerId, location, 20, 20, List.of());
        LocationView view = new LocationView(location, "The " + location, "A place for tests.", List.of(), List.of(),
                List.of(), List.of(), List.of());
        String after = rc.request().getParam("after");
        SessionOpened answer = new SessionOpened(new Welcome(player, view),
                replay(playerId, after == null ? null : Long.parseLong(after)));
        if (!openDelay.isZero()) {
            vertx.setTimer(openDelay.toMillis(), id -> json(rc, 200, answer));
            return;
        }
        json(rc, 200, new SessionOpened(new Welcome(player, view), replay(playerId, after == null ? null : Long.parseLong(after))));
    }

    private void close(RoutingContext rc) {
        String playerId = rc.pathParam("playerId");
        if (!admitted(rc, playerId)) {
            return;
        }
        RecordedSocket socket = socket(rc, playerId);
        if (socket == null) {
            return;
        }
        closedSockets.add(socket);
        closed.add(playerId);
        rc.response().setStatusCode(204).end();
    }

    /** The contract's session auth: 401 for a missing or forged token, 403 for another player's, 404 for no player. */
    private boolean admitted(RoutingContext rc, String playerId) {
        String tokenOwner = tokenOwner(rc.request());
        if (tokenOwner == null) {
            error(rc, 401, ErrorCodes.UNAUTHORIZED, "Missing or invalid token.");
            return false;
        }
        if (!tokenOwner.equals(playerId)) {
            error(rc, 403, ErrorCodes.FORBIDDEN, "This token belongs to another player.");
            return false;
        }
        if (playerId.startsWith("missing-")) {
            error(rc, 404, ErrorCodes.NOT_FOUND, "No such player.");
            return false;
        }
        return true;
    }

    private void action(RoutingContext rc) {
        String playerId = tokenOwner(rc.request());
        if (playerId == null) {
            error(rc, 401, ErrorCodes.UNAUTHORIZED, "Missing or invalid token.");
            return;
        }
        ActionRequest action;
        try {
            action = mapper.readValue(rc.body().asString(), ActionRequest.class);
        } catch (JsonProcessingException e) {
            error(rc, 400, ErrorCodes.BAD_REQUEST, "Body must be an ActionRequest.");
            return;
        }
        if (action.id() == null || action.id().isBlank() || action.text() == null || action.text().isBlank()) {
            error(rc, 400, ErrorCodes.BAD_REQUEST, "An action needs an id and a text.");
            return;
        }
        actions.add(new RecordedAction(playerId, action.id(), action.text()));
        int concurrent = inFlight.computeIfAbsent(playerId, id -> new AtomicInteger()).incrementAndGet();
        maxInFlight.merge(playerId, concurrent, Math::max);
        Runnable answer = () -> {
            inFlight.get(playerId).decrementAndGet();
            answerAction(rc, playerId, action);
        };
        if (actionDelay.isZero()) {
            answer.run();
        } else {
            vertx.setTimer(actionDelay.toMillis(), id -> answer.run());
        }
    }

    private void answerAction(RoutingContext rc, String playerId, ActionRequest action) {
        if (action.text().startsWith("http:")) {
            int status = Integer.parseInt(action.text().substring("http:".length()).trim());
            error(rc, status, codeFor(status), "Canned " + status + " answer.");
            return;
        }
        if (action.text().equals("unkept")) {
            // The orchestrator's answer when its outbox cannot be written: the frame rides on the acknowledgement.
            json(rc, 200, new ActionAck(action.id(), null, write(ResultFrame.of(
                    new ActionResult(action.id(), "You unkept.", "rules", null, null)))));
            return;
        }
        Object answer;
        if (action.text().length() > MAX_ACTION_LENGTH) {
            answer = ErrorFrame.of(action.id(), ErrorCodes.TOO_LARGE, "Actions are at most " + MAX_ACTION_LENGTH + " characters.");
        } else if (action.text().startsWith("status:")) {
            int status = Integer.parseInt(action.text().substring("status:".length()).trim());
            if (status == 401 || status == 403) {
                error(rc, status, codeFor(status), "Canned " + status + " answer.");
                return;
            }
            answer = ErrorFrame.of(action.id(), codeFor(status), "Canned " + status + " answer.");
        } else {
            answer = ResultFrame.of(new ActionResult(action.id(), "You " + action.text() + ".", "rules", null, null));
        }
        json(rc, 202, new ActionAck(action.id(), append(playerId, write(answer)), null));
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCodes.BAD_REQUEST;
            case 401 -> ErrorCodes.UNAUTHORIZED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 429 -> ErrorCodes.RATE_LIMITED;
            case 503 -> ErrorCodes.BUSY;
            default -> ErrorCodes.INTERNAL;
        };
    }

    /** Echoes what arrived, answering with the status asked for in {@code ?status=}. */
    private void echo(RoutingContext rc) {
        echoed.add(rc.request().path());
        HttpServerRequest request = rc.request();
        Map<String, Object> echo = new TreeMap<>();
        echo.put("method", request.method().name());
        echo.put("path", request.path());
        echo.put("query", request.query());
        echo.put("authorization", request.getHeader("Authorization"));
        Map<String, String> headers = new TreeMap<>();
        request.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(), h.getValue(), (a, b) -> a + "," + b));
        echo.put("headers", headers);
        echo.put("body", rc.body() == null || rc.body().buffer() == null ? "" : rc.body().asString());
        String status = request.getParam("status");
        rc.response().putHeader("X-Fake-Orchestrator", "echo");
        json(rc, status == null ? 200 : Integer.parseInt(status), echo);
    }

    /** A chunked answer of {@code size} bytes, to show answers stream through. */
    private void bytes(RoutingContext rc) {
        int size = Integer.parseInt(rc.pathParam("size"));
        var response = rc.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
        Buffer chunk = Buffer.buffer("x".repeat(8192));
        for (int sent = 0; sent < size; sent += chunk.length()) {
            response.write(sent + chunk.length() <= size ? chunk : chunk.getBuffer(0, size - sent));
        }
        response.end();
    }

    /** An endless event stream (like the admin stream): a tick every 100 ms until the connection goes. */
    private void ticks(RoutingContext rc) {
        var response = rc.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
        openTickStreams.incrementAndGet();
        long timer = vertx.setPeriodic(0, 100, id -> response.write("data: tick\n\n"));
        response.closeHandler(v -> {
            vertx.cancelTimer(timer);
            openTickStreams.decrementAndGet();
        });
    }

    /** Tick streams whose connection is still open. */
    /** The paths of every request the echo under {@code /api/echo/**} answered. */
    public List<String> echoed() {
        return echoed;
    }

    public int openTickStreams() {
        return openTickStreams.get();
    }

    private String tokenOwner(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer token-")) {
            return null;
        }
        return authorization.substring("Bearer token-".length());
    }

    private void error(RoutingContext rc, int status, String code, String message) {
        json(rc, status, new ErrorBody(code, message));
    }

    /** Calls to /internal/** refused for want of a valid service token (the gateway always sends one). */
    public int refusedServiceTokens() {
        return refusedServiceTokens.get();
    }

    private void json(RoutingContext rc, int status, Object body) {
        try {
            rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
