package com.langomni.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.langomni.api.game.ActionAck;
import com.langomni.api.game.ActionRequest;
import com.langomni.api.game.OutboxReplay;
import com.langomni.api.game.SessionOpened;
import com.langomni.api.presence.HeartbeatReply;

import io.smallrye.mutiny.Uni;

/**
 * The one door to the orchestrator's own endpoints. A circuit breaker per call fails fast while the orchestrator is
 * unreachable; HTTP error answers ({@link OrchestratorRejection}) do not trip it. No retries here: opening a
 * session counts a connection, and an action is repeated only by the player's client, with the same id.
 */
@ApplicationScoped
public class OrchestratorClient {

    private final OrchestratorApi api;

    public OrchestratorClient(@RestClient OrchestratorApi api) {
        this.api = api;
    }

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 2000, skipOn = OrchestratorRejection.class)
    /** {@code after}: the client's last seq when it resumes, else null. */
    public Uni<SessionOpened> openSession(String playerId, String token, String gatewayId, String connectionId,
            Long after) {
        return api.openSession(playerId, bearer(token), gatewayId, connectionId, after);
    }

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 2000, skipOn = OrchestratorRejection.class)
    public Uni<OutboxReplay> frames(String playerId, long after, String token) {
        return api.frames(playerId, after, bearer(token));
    }

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 2000, skipOn = OrchestratorRejection.class)
    public Uni<Void> closeSession(String playerId, String token, String gatewayId, String connectionId) {
        return api.closeSession(playerId, bearer(token), gatewayId, connectionId);
    }

    /** One every few seconds: no breaker, a failed one is a missed beat. */
    /** {@code first}: no heartbeat of this process was answered yet (the orchestrator cannot know it). */
    public Uni<HeartbeatReply> heartbeat(String gatewayId, boolean first) {
        return api.heartbeat(gatewayId, first);
    }

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 2000, skipOn = OrchestratorRejection.class)
    public Uni<ActionAck> action(String token, ActionRequest action) {
        return api.action(bearer(token), action);
    }

    public Uni<Void> health() {
        return api.health();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
