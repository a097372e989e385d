package com.langomni.gateway.service;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.langomni.api.game.ActionAck;
import com.langomni.api.game.ActionRequest;
import com.langomni.api.protocol.CloseCodes;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.api.protocol.ErrorFrame;
import com.langomni.gateway.client.OrchestratorClient;
import com.langomni.gateway.client.OrchestratorRejection;
import com.langomni.gateway.config.GatewayConfig;
import com.langomni.gateway.protocol.FrameWriter;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;

/**
 * Sends one action to the orchestrator on the player's behalf. The orchestrator answers the player through the
 * outbox (result or refusal, a sequenced frame) and acknowledges it here with its seq: the socket fetches it
 * itself should fan-out not bring it. When no acknowledgement comes (unreachable, timed out) the player gets an
 * error frame saying that sending the same action id again is safe: the orchestrator applies an id once.
 */
@ApplicationScoped
public class ActionForwarder {

    /** The codes an action's error frame may carry (docs/API.md, error codes). */
    private static final Set<String> ACTION_CODES = Set.of(ErrorCodes.BAD_REQUEST, ErrorCodes.TOO_LARGE,
            ErrorCodes.RATE_LIMITED, ErrorCodes.BUSY, ErrorCodes.OVERLOADED, ErrorCodes.UNAVAILABLE);

    private final OrchestratorClient orchestrator;
    private final FrameWriter frames;
    private final GatewayConfig config;
    private final GatewayMetrics metrics;
    private final OutboxCatchUp catchUp;
    /** Actions of this gateway waiting for the orchestrator's answer (each holds a client connection). */
    private final AtomicInteger inFlight = new AtomicInteger();

    public ActionForwarder(OrchestratorClient orchestrator, FrameWriter frames, GatewayConfig config,
            GatewayMetrics metrics, OutboxCatchUp catchUp) {
        this.catchUp = catchUp;
        this.orchestrator = orchestrator;
        this.frames = frames;
        this.config = config;
        this.metrics = metrics;
    }

    /** Completes once the orchestrator answered (or the deadline passed) and any error frame was sent; never fails. */
    public Uni<Void> forward(PlayerSession session, ActionRequest action) {
        long started = System.nanoTime();
        if (inFlight.incrementAndGet() > config.orchestrator().maxInFlightActions()) {
            inFlight.decrementAndGet();
            metrics.action(ErrorCodes.OVERLOADED, System.nanoTime() - started);
            return session.isOpen()
                    ? session.send(frames.write(ErrorFrame.of(action.id(), ErrorCodes.OVERLOADED,
                            "The game is at capacity right now; try again in a moment.")))
                            .onFailure().recoverWithNull()
                    : Uni.createFrom().voidItem();
        }
        return orchestrator.action(session.token(), action)
                .onTermination().invoke(inFlight::decrementAndGet)
                .onItemOrFailure().transformToUni((ack, failure) -> {
                    ErrorFrame error = failure == null ? null : errorFor(action.id(), failure);
                    metrics.action(error == null ? GatewayMetrics.OK : error.code(), System.nanoTime() - started);
                    if (error == null) {
                        return acknowledged(session, ack);
                    }
                    if (!session.isOpen()) {
                        return Uni.createFrom().voidItem();
                    }
                    if (!(failure instanceof OrchestratorRejection)) {
                        Log.warnf("Action %s of player %s not forwarded: %s", action.id(), session.playerId(), failure.toString());
                    }
                    Uni<Void> reported = session.send(frames.write(error));
                    // The token expired (or was revoked) while the socket was open: nothing more will be admitted.
                    return isUnauthorized(failure)
                            ? reported.chain(() -> session.close(CloseCodes.UNAUTHORIZED, "Your session expired; log in again."))
                            : reported;
                })
                .onFailure().invoke(t -> Log.debugf("Could not report a failed action to %s: %s", session, t.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> acknowledged(PlayerSession session, ActionAck ack) {
        if (ack != null && ack.seq() != null) {
            catchUp.acknowledged(session, ack.seq());
        } else if (ack != null && ack.frame() != null && session.isOpen()) {
            return session.send(ack.frame()); // the outbox was down: the answer came with the acknowledgement
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * The error frame for an action the orchestrator did not acknowledge. Its answers, refusals included, come
     * through the outbox, so an HTTP error here is no answer to the action but about the request: the token
     * (401/403, told as {@code unauthorized}), a request without a usable id, an orchestrator that takes no requests
     * (a 503 while it stops). The body's code is passed on when a socket's action may get it; anything else is
     * {@code internal}.
     */
    static ErrorFrame errorFor(String actionId, Throwable failure) {
        if (failure instanceof OrchestratorRejection rejection) {
            String code = rejection.body().code();
            if (rejection.status() == 401 || rejection.status() == 403) {
                code = ErrorCodes.UNAUTHORIZED;
            } else if (!ACTION_CODES.contains(code)) {
                code = ErrorCodes.INTERNAL;
            }
            String message = rejection.body().message() != null ? rejection.body().message() : "The action was refused.";
            return ErrorFrame.of(actionId, code, message);
        }
        if (failure instanceof TimeoutException) {
            return ErrorFrame.of(actionId, ErrorCodes.BUSY,
                    "No answer yet; it may still come. Sending the same action id again is safe.");
        }
        if (failure instanceof CircuitBreakerOpenException || isTransportFailure(failure)) {
            return ErrorFrame.of(actionId, ErrorCodes.UNAVAILABLE,
                    "The game server could not be reached; send the same action id again shortly.");
        }
        return ErrorFrame.of(actionId, ErrorCodes.INTERNAL, "The action could not be forwarded.");
    }

    private static boolean isUnauthorized(Throwable failure) {
        return failure instanceof OrchestratorRejection rejection && rejection.status() == 401;
    }

    private static boolean isTransportFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof ProcessingException || t instanceof VertxException) {
                return true;
            }
        }
        return false;
    }
}
