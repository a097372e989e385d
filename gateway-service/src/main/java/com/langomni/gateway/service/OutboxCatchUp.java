package com.langomni.gateway.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import com.langomni.api.game.OutboxReplay;
import com.langomni.api.protocol.CloseCodes;
import com.langomni.api.protocol.Sequenced;
import com.langomni.gateway.client.OrchestratorClient;
import com.langomni.gateway.client.OrchestratorRejection;
import com.langomni.gateway.config.GatewayConfig;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;

/**
 * Fills a socket's gaps from its player's outbox (through the orchestrator, which owns it): when a sequence number
 * jumped, when an acknowledged answer did not arrive through fan-out in time, and after the Redis subscription was
 * lost (whatever was published meanwhile is gone from pub/sub, not from the outbox). Failed fetches are retried
 * with backoff while the socket lives; frames that arrive meanwhile wait in the socket's {@link OutboxCursor}.
 */
@ApplicationScoped
public class OutboxCatchUp {

    private static final Duration RETRY_MAX = Duration.ofSeconds(10);
    private static final int ACK_ROUNDS = 3;
    private static final long RESUBSCRIBE_SPREAD_MS = 1000;

    private final OrchestratorClient orchestrator;
    private final GatewayConfig config;
    private final GatewayMetrics metrics;
    private final Vertx vertx;

    public OutboxCatchUp(OrchestratorClient orchestrator, GatewayConfig config, GatewayMetrics metrics, Vertx vertx) {
        this.orchestrator = orchestrator;
        this.config = config;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    /** A sequence number jumped on this socket (see {@link OutboxCursor#offer}). */
    public void gap(PlayerSession session) {
        begin(session, "gap");
    }

    /** The orchestrator says answer {@code seq} is in the outbox; fetch it if fan-out has not brought it soon. */
    public void acknowledged(PlayerSession session, long seq) {
        session.acknowledged(seq);
        awaitAcknowledged(session, seq, ACK_ROUNDS);
    }

    /** Checks after the grace period, a few rounds: a fetch already running may have read before the answer. */
    private void awaitAcknowledged(PlayerSession session, long seq, int rounds) {
        if (rounds == 0 || !session.cursor().isBehind(seq)) {
            return;
        }
        vertx.setTimer(config.catchUpGrace().toMillis(), id -> {
            if (session.isOpen() && session.cursor().isBehind(seq)) {
                begin(session, "ack");
                awaitAcknowledged(session, seq, rounds - 1);
            }
        });
    }

    /** The fan-out subscription came back: anything published while it was down reached nobody. */
    public void resubscribed(Iterable<PlayerSession> sessions) {
        // spread over a second: every socket of the gateway asks at once otherwise
        sessions.forEach(session -> vertx.setTimer(1 + ThreadLocalRandom.current().nextLong(RESUBSCRIBE_SPREAD_MS),
                id -> begin(session, "resubscribe")));
    }

    /**
     * Closes a socket once every answer acknowledged to it was sent: what fan-out has not brought within the grace
     * period is fetched first (a few rounds at most, so a socket is never kept open by a stuck outbox).
     */
    public void closeWhenAnswered(PlayerSession session, int code, String reason) {
        closeWhenAnswered(session, code, reason, 3);
    }

    private void closeWhenAnswered(PlayerSession session, int code, String reason, int rounds) {
        vertx.setTimer(config.catchUpGrace().toMillis(), id -> {
            if (rounds > 0 && session.isOpen() && session.cursor().isBehind(session.lastAcknowledged())) {
                begin(session, "ack");
                closeWhenAnswered(session, code, reason, rounds - 1);
            } else {
                session.close(code, reason).subscribe().with(done -> Log.infof("Closed %s: %s", session, reason),
                        failure -> { });
            }
        });
    }

    private void begin(PlayerSession session, String reason) {
        if (session.isOpen() && session.cursor().beginCatchUp()) {
            metrics.catchUp(reason);
            fetch(session, Duration.ofMillis(200));
        }
    }

    private void fetch(PlayerSession session, Duration retry) {
        orchestrator.frames(session.playerId(), session.cursor().delivered(), session.token())
                .subscribe().with(replay -> caughtUp(session, replay), failure -> {
                    if (failure instanceof OrchestratorRejection rejection
                            && List.of(401, 403, 404).contains(rejection.status())) {
                        // The token was revoked or expired: nothing more will be fetched with it.
                        session.cursor().catchUpFailed();
                        metrics.socketClosed("unauthorized");
                        session.close(CloseCodes.UNAUTHORIZED, "Your session ended; log in again.")
                                .subscribe().with(done -> { }, f -> { });
                        return;
                    }
                    Log.debugf("Catch-up of %s failed (%s); retrying in %s", session, failure.toString(), retry);
                    session.cursor().catchUpFailed();
                    Duration next = retry.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : retry.multipliedBy(2);
                    vertx.setTimer(retry.toMillis(), id -> {
                        if (session.isOpen() && session.cursor().beginCatchUp()) {
                            fetch(session, next);
                        }
                    });
                });
    }

    private void caughtUp(PlayerSession session, OutboxReplay replay) {
        if (Sequenced.EXPIRED.equals(replay.resume())) {
            // The frames are beyond retention: the client reconnects with its last seq and gets a fresh welcome.
            Log.infof("Frames of %s are gone from the outbox; asking the client to reconnect", session);
            session.cursor().catchUpFailed();
            metrics.socketClosed("resync");
            session.close(CloseCodes.RESYNC, "Frames were lost; reconnect to resume.").subscribe().with(done -> { }, f -> { });
            return;
        }
        if (session.cursor().catchUp(replay.frames())) {
            begin(session, "gap");
        }
    }
}
