package com.langomni.gateway.service;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.langomni.api.game.Welcome;
import com.langomni.api.protocol.CloseCodes;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.api.protocol.ErrorFrame;
import com.langomni.api.protocol.WelcomeFrame;
import com.langomni.gateway.client.OrchestratorClient;
import com.langomni.gateway.client.OrchestratorRejection;
import com.langomni.gateway.config.GatewayConfig;
import com.langomni.gateway.mapping.FrameWriter;
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
 * A player socket's life: the orchestrator admits it (token check, presence, "arrived" event), the registry
 * indexes it for fan-out, and the orchestrator hears when it closes.
 */
@ApplicationScoped
public class SessionService {

    /** RFC 6455 "Try Again Later": the orchestrator cannot admit anyone right now. */
    public static final int TRY_AGAIN_LATER = 1013;

    private static final UserData.TypedKey<PlayerSession> SESSION = new UserData.TypedKey<>("langomni.session");

    private final OrchestratorClient orchestrator;
    private final ConnectionRegistry registry;
    private final ActionForwarder forwarder;
    private final FrameWriter frames;
    private final GatewayMetrics metrics;
    private final GatewayConfig config;
    private final GatewayIdentity identity;

    public SessionService(OrchestratorClient orchestrator, ConnectionRegistry registry, ActionForwarder forwarder,
            FrameWriter frames, GatewayMetrics metrics, GatewayConfig config, GatewayIdentity identity) {
        this.orchestrator = orchestrator;
        this.registry = registry;
        this.forwarder = forwarder;
        this.frames = frames;
        this.metrics = metrics;
        this.config = config;
        this.identity = identity;
    }

    /** Admits the socket and sends the welcome frame, or sends an error frame and closes it. */
    public Uni<Void> open(WebSocketConnection connection) {
        String playerId = connection.pathParam("playerId");
        Optional<String> token = tokenOf(connection);
        if (token.isEmpty()) {
            return refuse(connection, CloseCodes.UNAUTHORIZED, "unauthorized",
                    ErrorFrame.of(null, ErrorCodes.UNAUTHORIZED, "Connect with ?token=<your token>."));
        }
        Context socketContext = Vertx.currentContext();
        return orchestrator.openSession(playerId, token.get(), identity.id(), connection.id())
                .ifNoItem().after(config.orchestrator().sessionTimeout()).fail()
                // Back on the socket's event loop, so accept() runs as one task there (see accept).
                .emitOn(task -> onContext(socketContext, task))
                .onItemOrFailure().transformToUni((welcome, failure) -> failure == null
                        ? accept(connection, playerId, token.get(), welcome)
                        : reject(connection, playerId, failure));
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
            release(session).subscribe().with(done -> Log.debugf("Closed %s", session), failure -> { });
        }
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
                .ifNoItem().after(config.orchestrator().sessionTimeout()).fail()
                .onFailure().invoke(failure -> Log.warnf("Could not tell the orchestrator that %s closed: %s",
                        session, failure.toString()));
    }

    private Uni<Void> accept(WebSocketConnection connection, String playerId, String token, Welcome welcome) {
        PlayerSession session = new PlayerSession(connection, playerId, token, config.maxQueuedActions(),
                new FrameRate(config.maxFramesPerSecond(), config.maxFrameBurst(), System::nanoTime), forwarder::forward);
        connection.userData().put(SESSION, session);
        // Fan-out may deliver to the socket from the moment it is in the registry, so it is registered first (a
        // frame published once the client has seen the welcome is never missed). The welcome is still the first
        // frame: this runs as one task on the socket's event loop and writes it at once, while fan-out's writes
        // from other threads are queued on that loop behind this task.
        registry.add(session, locationOf(welcome));
        CompletionStage<Void> welcomed = connection.sendText(frames.write(WelcomeFrame.of(welcome.player(), welcome.location())))
                .subscribeAsCompletionStage();
        metrics.socketOpened();
        Log.debugf("Opened %s", session);
        return Uni.createFrom().completionStage(welcomed)
                // The client may already be gone; its @OnClose cleans up.
                .onFailure().invoke(t -> Log.debugf("Welcome not delivered to %s: %s", session, t.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> reject(WebSocketConnection connection, String playerId, Throwable failure) {
        if (failure instanceof OrchestratorRejection rejection && List.of(401, 403, 404).contains(rejection.status())) {
            Log.infof("Refused a socket for player %s: orchestrator answered %d", playerId, rejection.status());
            return refuse(connection, CloseCodes.UNAUTHORIZED, "unauthorized",
                    ErrorFrame.of(null, ErrorCodes.UNAUTHORIZED, "Your token does not admit you as this player."));
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

    private static Optional<String> tokenOf(WebSocketConnection connection) {
        String query = connection.handshakeRequest().query();
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        List<String> tokens = new QueryStringDecoder(query, false).parameters().get("token");
        return tokens == null ? Optional.empty() : tokens.stream().filter(t -> !t.isBlank()).findFirst();
    }
}
