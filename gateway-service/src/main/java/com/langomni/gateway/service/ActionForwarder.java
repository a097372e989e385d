package com.langomni.gateway.service;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.langomni.api.game.ActionRequest;
import com.langomni.api.protocol.CloseCodes;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.api.protocol.ErrorFrame;
import com.langomni.gateway.client.OrchestratorClient;
import com.langomni.gateway.client.OrchestratorRejection;
import com.langomni.gateway.config.GatewayConfig;
import com.langomni.gateway.mapping.FrameWriter;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;

/**
 * Sends one action to the orchestrator on the player's behalf. Success needs no answer here (the result frame
 * arrives through Redis); a failure becomes an error frame on the socket that sent the action.
 */
@ApplicationScoped
public class ActionForwarder {

    private final OrchestratorClient orchestrator;
    private final FrameWriter frames;
    private final GatewayConfig config;
    private final GatewayMetrics metrics;
    /** Actions of this gateway waiting for the orchestrator's answer (each holds a client connection). */
    private final AtomicInteger inFlight = new AtomicInteger();

    public ActionForwarder(OrchestratorClient orchestrator, FrameWriter frames, GatewayConfig config,
            GatewayMetrics metrics) {
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
                .ifNoItem().after(config.orchestrator().actionTimeout()).fail()
                .onTermination().invoke(inFlight::decrementAndGet)
                .onItemOrFailure().transformToUni((ok, failure) -> {
                    ErrorFrame error = failure == null ? null : errorFor(action.id(), failure);
                    metrics.action(error == null ? GatewayMetrics.OK : error.code(), System.nanoTime() - started);
                    if (error == null || !session.isOpen()) {
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

    /** Maps an orchestrator failure to the error frame the contract promises (contracts.md, gateway section). */
    static ErrorFrame errorFor(String actionId, Throwable failure) {
        if (failure instanceof OrchestratorRejection rejection) {
            String code = switch (rejection.status()) {
                case 400 -> ErrorCodes.TOO_LARGE.equals(rejection.body().code()) ? ErrorCodes.TOO_LARGE : ErrorCodes.BAD_REQUEST;
                case 413 -> ErrorCodes.TOO_LARGE;
                case 401, 403 -> ErrorCodes.UNAUTHORIZED;
                case 429 -> ErrorCodes.RATE_LIMITED;
                case 503 -> switch (String.valueOf(rejection.body().code())) {
                    case ErrorCodes.UNAVAILABLE -> ErrorCodes.UNAVAILABLE;
                    case ErrorCodes.OVERLOADED -> ErrorCodes.OVERLOADED;
                    default -> ErrorCodes.BUSY;
                };
                default -> ErrorCodes.INTERNAL;
            };
            String message = rejection.body().message() != null ? rejection.body().message() : "The action was refused.";
            return ErrorFrame.of(actionId, code, message);
        }
        if (failure instanceof TimeoutException) {
            return ErrorFrame.of(actionId, ErrorCodes.BUSY, "The world is slow to answer; try again in a moment.");
        }
        if (failure instanceof CircuitBreakerOpenException || isTransportFailure(failure)) {
            return ErrorFrame.of(actionId, ErrorCodes.BUSY, "The game server could not be reached; try again shortly.");
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
