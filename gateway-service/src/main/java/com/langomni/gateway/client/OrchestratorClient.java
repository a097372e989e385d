package com.langomni.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.langomni.api.game.ActionAck;
import com.langomni.api.game.ActionRequest;
import com.langomni.api.game.OutboxReplay;
import com.langomni.api.game.SessionOpened;

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
    public Uni<SessionOpened> openSession(String playerId, Long after, String token) {
        return api.openSession(playerId, after, bearer(token));
    }

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 2000, skipOn = OrchestratorRejection.class)
    public Uni<OutboxReplay> frames(String playerId, long after, String token) {
        return api.frames(playerId, after, bearer(token));
    }

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 2000, skipOn = OrchestratorRejection.class)
    public Uni<Void> closeSession(String playerId, String token) {
        return api.closeSession(playerId, bearer(token));
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
