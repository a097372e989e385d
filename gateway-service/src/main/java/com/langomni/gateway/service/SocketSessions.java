package com.langomni.gateway.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.langomni.api.game.OutboxReplay;
import com.langomni.api.game.SessionOpened;
import com.langomni.api.game.Welcome;
import com.langomni.api.protocol.CloseCodes;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.api.protocol.ErrorFrame;
import com.langomni.api.protocol.Sequenced;
import com.langomni.api.protocol.WelcomeFrame;
import com.langomni.gateway.client.OrchestratorClient;
import com.langomni.gateway.client.OrchestratorRejection;
import com.langomni.gateway.config.GatewayConfig;
import com.langomni.gateway.protocol.FrameWriter;
import com.langomni.gateway.presence.GatewayIdentity;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A player socket's life: the orchestrator redeems its ticket for the player's token, the registry indexes it for
 * fan-out, the orchestrator admits it (token check, socket limits, presence, "arrived" event, the frames a resuming
 * client missed), and hears when it closes.
 */
@ApplicationScoped
public class SocketSessions {

    /** RFC 6455 "Try Again Later": the orchestrator cannot admit anyone right now. */
    public static final int TRY_AGAIN_LATER = 1013;
    /** Close reason: the URL carries no ticket (or a token, which URLs no longer carry). */
    public static final String TICKET_REQUIRED = "ticket_required";
    /** How long a refusal decided from the URL alone waits for the handshake to reach the client. */
    static final Duration HANDSHAKE_GRACE = Duration.ofMillis(50);
    /** Close reason: the ticket is unknown, used, expired or another player's. */
    public static final String INVALID_TICKET = "invalid_ticket";

    private static final Duration RELEASE_RETRY_FIRST = Duration.ofSeconds(1);
    private static final Duration RELEASE_RETRY_MAX = Duration.ofSeconds(15);
    /** About two minutes of retries: long enough for an orchestrator to restart. */
    private static final int RELEASE_ATTEMPTS = 10;

    /** The orchestrator's refusals for the player's socket limits: each is the close reason too. */
    private static final List<String> SOCKET_LIMITS = List.of(ErrorCodes.TOO_MANY_SOCKETS, ErrorCodes.TOO_MANY_OPENS);

    private static final UserData.TypedKey<PlayerSession> SESSION = new UserData.TypedKey<>("langomni.session");

    private final OrchestratorClient orchestrator;
    private final ConnectionRegistry registry;
    private final ActionForwarder forwarder;
    private final FrameWriter frames;
    private final GatewayMetrics metrics;
    private final GatewayConfig config;
    private final GatewayIdentity identity;
    private final OutboxCatchUp catchUp;
    private final Vertx vertx;

    public SocketSessions(OrchestratorClient orchestrator, ConnectionRegistry registry, ActionForwarder forwarder,
            FrameWriter frames, GatewayMetrics metrics, GatewayConfig config, GatewayIdentity identity,
            OutboxCatchUp catchUp, Vertx vertx) {
        this.catchUp = catchUp;
        this.vertx = vertx;
        this.orchestrator = orchestrator;
        this.registry = registry;
        this.forwarder = forwarder;
        this.frames = frames;
        this.metrics = metrics;
        this.config = config;
        this.identity = identity;
    }

    /**
     * Redeems the socket's ticket ({@code ?ticket=}, fetched with {@code POST /api/auth/ticket}) for the player's
     * token, which this socket keeps in memory for its life, then admits the socket as {@link #admit} says; or
     * sends an error frame and closes it. A token in the URL is refused: URLs end up in logs.
     */
    public Uni<Void> open(WebSocketConnection connection) {
        String playerId = connection.pathParam("playerId");
        if (queryParam(connection, "token").isPresent()) {
            return refuseOnNextTick(connection, CloseCodes.UNAUTHORIZED, TICKET_REQUIRED, ErrorFrame.of(null,
                    ErrorCodes.UNAUTHORIZED, "Tokens no longer go in the socket's URL: fetch a ticket with POST "
                            + "/api/auth/ticket and connect with ?ticket=<ticket>."));
        }
        Optional<String> ticket = queryParam(connection, "ticket");
        if (ticket.isEmpty()) {
            return refuseOnNextTick(connection, CloseCodes.UNAUTHORIZED, TICKET_REQUIRED, ErrorFrame.of(null,
                    ErrorCodes.UNAUTHORIZED, "Connect with ?ticket=<ticket> (POST /api/auth/ticket gives one)."));
        }
        Optional<String> resume = queryParam(connection, "resume");
        Long after = resume.map(SocketSessions::seq).orElse(null);
        if (resume.isPresent() && after == null) {
            return refuseOnNextTick(connection, CloseCodes.BAD_REQUEST, "bad_request", ErrorFrame.of(null, ErrorCodes.BAD_REQUEST,
                    "resume is the last seq you saw: a whole number, 0 or more."));
        }
        Context socketContext = Vertx.currentContext();
        return orchestrator.redeem(ticket.get())
                .emitOn(task -> onContext(socketContext, task))
                .onItemOrFailure().transformToUni((redeemed, failure) -> {
                    if (failure != null) {
                        return refuseTicket(connection, playerId, failure);
                    }
                    if (!playerId.equals(redeemed.playerId())) {
                        Log.infof("Refused a socket for player %s: its ticket is another player's", playerId);
                        return refuse(connection, CloseCodes.UNAUTHORIZED, INVALID_TICKET, ErrorFrame.of(null,
                                ErrorCodes.UNAUTHORIZED, "This ticket is for another player."));
                    }
                    if (!connection.isOpen()) {
                        return Uni.createFrom().voidItem(); // the client left while the ticket was redeemed
                    }
                    return admit(connection, playerId, redeemed.token(), after);
                });
    }

    /**
     * Admits the socket and sends the welcome frame (then, on a resume, the frames the client missed), or sends an
     * error frame and closes it. The socket is registered for fan-out before the orchestrator is asked, so frames
     * published while it admits the player are held by the socket's cursor and sent after the welcome.
     */
    private Uni<Void> admit(WebSocketConnection connection, String playerId, String token, Long after) {
        PlayerSession session = new PlayerSession(connection, playerId, token, config.maxQueuedActions(),
                new FrameRate(config.maxFramesPerSecond(), config.maxFrameBurst(), System::nanoTime),
                new RefusalCount(config.abuseRefusals(), config.abuseWindow().toNanos(), System::nanoTime),
                forwarder::forward);
        connection.userData().put(SESSION, session);
        registry.add(session, null);
        Context socketContext = Vertx.currentContext();
        return orchestrator.openSession(playerId, token, identity.id(), connection.id(), after)
                // Back on the socket's event loop, so accept() runs as one task there.
                .emitOn(task -> onContext(socketContext, task))
                .onItemOrFailure().transformToUni((opened, failure) -> failure == null
                        ? accept(session, after, opened)
                        : reject(connection, session, failure));
    }

    /** A ticket the orchestrator refused (401: unknown, used, expired) or could not check (retry with a new one). */
    private Uni<Void> refuseTicket(WebSocketConnection connection, String playerId, Throwable failure) {
        if (failure instanceof OrchestratorRejection rejection && rejection.status() == 401) {
            Log.infof("Refused a socket for player %s: its ticket is unknown, used or expired", playerId);
            return refuse(connection, CloseCodes.UNAUTHORIZED, INVALID_TICKET, ErrorFrame.of(null,
                    ErrorCodes.UNAUTHORIZED, "This ticket is unknown, used or expired: fetch a new one (POST "
                            + "/api/auth/ticket) and connect with it at once."));
        }
        if (!(failure instanceof CircuitBreakerOpenException)) {
            Log.warnf("Cannot redeem a socket ticket for player %s: %s", playerId, failure.toString());
        }
        return refuse(connection, TRY_AGAIN_LATER, "unavailable", ErrorFrame.of(null, ErrorCodes.UNAVAILABLE,
                "Your ticket could not be checked right now; fetch a new one and connect again shortly."));
    }

    public Optional<PlayerSession> sessionOf(WebSocketConnection connection) {
        return Optional.ofNullable(connection.userData().get(SESSION));
    }

    /** Forgets a closed socket and tells the orchestrator, without waiting for it. */
    public void closed(WebSocketConnection connection) {
        PlayerSession session = connection.userData().remove(SESSION);
        if (session == null) {
            return;
        }
        session.actions().close();
        registry.remove(session);
        if (session.release()) {
            releaseUntilHeard(session);
        }
    }

    /**
     * Tells the orchestrator a socket closed, again with backoff while it cannot be reached (an orchestrator
     * restarting, an open breaker): a close it never hears would leave the player online for as long as this
     * gateway lives. Closing a socket twice changes nothing there, so retrying is safe.
     */
    private void releaseUntilHeard(PlayerSession session) {
        release(session)
                .onFailure(failure -> !(failure instanceof OrchestratorRejection)).retry()
                .withBackOff(RELEASE_RETRY_FIRST, RELEASE_RETRY_MAX).atMost(RELEASE_ATTEMPTS)
                .subscribe().with(done -> Log.debugf("Closed %s", session),
                        failure -> Log.warnf("Gave up telling the orchestrator that %s closed: %s", session,
                                failure.toString()));
    }

    /**
     * At shutdown, while the REST client still works, tells the orchestrator that every player here left;
     * otherwise they would stay online in Redis after this gateway is gone. Bounded by the session timeout.
     */
    public void releaseAll(@Observes ShutdownEvent event) {
        List<Uni<Void>> releases = registry.allSessions().stream()
                .filter(PlayerSession::release)
                .map(session -> release(session).onFailure().recoverWithNull())
                .toList();
        if (releases.isEmpty()) {
            return;
        }
        Log.infof("Shutting down: releasing %d player sockets", releases.size());
        Uni.join().all(releases).andCollectFailures().replaceWithVoid()
                .await().atMost(config.orchestrator().sessionTimeout().plusSeconds(1));
    }

    private Uni<Void> release(PlayerSession session) {
        return orchestrator.closeSession(session.playerId(), session.token(), identity.id(), session.connectionId())
                .onFailure().invoke(failure -> Log.warnf("Could not tell the orchestrator that %s closed: %s",
                        session, failure.toString()));
    }

    private Uni<Void> accept(PlayerSession session, Long after, SessionOpened opened) {
        Welcome welcome = opened.welcome();
        OutboxReplay outbox = opened.outbox();
        session.admitted();
        registry.moveTo(session.playerId(), locationOf(welcome));
        boolean resumed = Sequenced.RESUMED.equals(outbox.resume());
        long from = resumed ? after : outbox.seq();
        String welcomeJson = frames.write(WelcomeFrame.of(welcome.player(), welcome.location(), from, outbox.resume()));
        if (session.cursor().start(welcomeJson, from, outbox.frames())) {
            catchUp.gap(session);
        }
        metrics.socketOpened();
        Log.debugf("Opened %s (%s)", session, resumed ? "resumed after " + after : "fresh at " + from);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> reject(WebSocketConnection connection, PlayerSession session, Throwable failure) {
        String playerId = session.playerId();
        registry.remove(session);
        connection.userData().remove(SESSION);
        boolean refused = failure instanceof OrchestratorRejection rejection
                && List.of(400, 401, 403, 404, 429).contains(rejection.status());
        if (!refused) {
            // The orchestrator may have counted the socket all the same (it answered after our deadline, or failed
            // after counting): once its open is surely over, tell it the socket is gone. Harmless if never counted.
            vertx.setTimer(config.orchestrator().sessionTimeout().toMillis(), id -> releaseUntilHeard(session));
        }
        if (failure instanceof OrchestratorRejection rejection && List.of(401, 403, 404).contains(rejection.status())) {
            Log.infof("Refused a socket for player %s: orchestrator answered %d", playerId, rejection.status());
            return refuse(connection, CloseCodes.UNAUTHORIZED, "unauthorized",
                    ErrorFrame.of(null, ErrorCodes.UNAUTHORIZED, "Your token does not admit you as this player."));
        }
        if (failure instanceof OrchestratorRejection rejection && rejection.status() == 429
                && SOCKET_LIMITS.contains(rejection.body().code())) {
            Log.infof("Refused a socket for player %s: %s", playerId, rejection.body().code());
            return refuse(connection, CloseCodes.SOCKET_LIMIT, rejection.body().code(),
                    ErrorFrame.of(null, rejection.body().code(), rejection.body().message()));
        }
        if (failure instanceof OrchestratorRejection rejection && rejection.status() == 503
                && ErrorCodes.OVERLOADED.equals(rejection.body().code())) {
            return refuse(connection, TRY_AGAIN_LATER, "overloaded", ErrorFrame.of(null, ErrorCodes.OVERLOADED,
                    "The game is at capacity right now; connect again in a moment."));
        }
        if (!(failure instanceof CircuitBreakerOpenException)) {
            Log.warnf("Cannot open a session for player %s: %s", playerId, failure.toString());
        }
        return refuse(connection, TRY_AGAIN_LATER, "unavailable",
                ErrorFrame.of(null, ErrorCodes.UNAVAILABLE, "The game server is unavailable; try again shortly."));
    }

    /**
     * A refusal decided from the URL alone, sent a moment after the open ({@link #HANDSHAKE_GRACE}), as every refusal
     * after the orchestrator's answer is. Sent at once, the error frame and the close can reach the client in the
     * same read as the handshake's answer, and a client that attaches its handlers on the handshake can lose both
     * (seen in test runs: neither arrived within 10 s).
     */
    private Uni<Void> refuseOnNextTick(WebSocketConnection connection, int closeCode, String reason,
                                       ErrorFrame error) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().voidItem().onItem().delayIt().by(HANDSHAKE_GRACE)
                .emitOn(task -> onContext(context, task))
                .chain(() -> refuse(connection, closeCode, reason, error));
    }

    private Uni<Void> refuse(WebSocketConnection connection, int closeCode, String reason, ErrorFrame error) {
        metrics.socketClosed(reason);
        return connection.sendText(frames.write(error))
                .onFailure().recoverWithNull()
                .chain(() -> connection.close(new CloseReason(closeCode, reason)));
    }

    private static void onContext(Context context, Runnable task) {
        if (context == null || Vertx.currentContext() == context) {
            task.run();
        } else {
            context.runOnContext(ignored -> task.run());
        }
    }

    private static String locationOf(Welcome welcome) {
        if (welcome.player() != null && welcome.player().locationId() != null) {
            return welcome.player().locationId();
        }
        return welcome.location() == null ? null : welcome.location().id();
    }

    private static Optional<String> queryParam(WebSocketConnection connection, String name) {
        String query = connection.handshakeRequest().query();
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new QueryStringDecoder(query, false).parameters().get(name);
        return values == null ? Optional.empty() : values.stream().filter(t -> !t.isBlank()).findFirst();
    }

    private static Long seq(String text) {
        try {
            long seq = Long.parseLong(text);
            return seq < 0 ? null : seq;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
