package com.langomni.gateway.client;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.langomni.api.game.ActionAck;
import com.langomni.api.game.ActionRequest;
import com.langomni.api.game.OutboxReplay;
import com.langomni.api.game.RedeemedTicket;
import com.langomni.api.game.SessionOpened;
import com.langomni.api.game.TicketRedemption;
import com.langomni.api.presence.HeartbeatReply;
import com.langomni.gateway.config.GatewayConfig;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

/**
 * The one door to the orchestrator's own endpoints, and the one place of the gateway's fault tolerance towards it:
 * each call's deadline ({@code langomni.gateway.orchestrator.*-timeout}, a Mutiny {@code TimeoutException} past it)
 * and a circuit breaker per call ({@code langomni.gateway.orchestrator.breaker.*}) that fails fast while the
 * orchestrator is unreachable. HTTP error answers ({@link OrchestratorRejection}) do not trip a breaker, and the
 * deadlines sit around the breakers: an orchestrator that is slow (a long narration, a lock wait) is not counted
 * as gone. Heartbeats and health probes have no breaker: a failed one is a missed beat, a DOWN. No retries here:
 * opening a session counts a connection, and an action is repeated only by the player's client, with the same id.
 */
@ApplicationScoped
public class OrchestratorClient {

    private final OrchestratorApi api;
    private final GatewayConfig.Orchestrator config;
    private final Duration heartbeatTimeout;
    private final TypedGuard<Uni<RedeemedTicket>> redeemBreaker;
    private final TypedGuard<Uni<SessionOpened>> openBreaker;
    private final TypedGuard<Uni<OutboxReplay>> framesBreaker;
    private final TypedGuard<Uni<Void>> closeBreaker;
    private final TypedGuard<Uni<ActionAck>> actionBreaker;

    public OrchestratorClient(@RestClient OrchestratorApi api, GatewayConfig config) {
        this.api = api;
        this.config = config.orchestrator();
        this.heartbeatTimeout = config.heartbeat().timeout();
        GatewayConfig.Breaker breaker = this.config.breaker();
        this.redeemBreaker = breaker("orchestrator-redeem-ticket", new TypeLiteral<Uni<RedeemedTicket>>() { }, breaker);
        this.openBreaker = breaker("orchestrator-open-session", new TypeLiteral<Uni<SessionOpened>>() { }, breaker);
        this.framesBreaker = breaker("orchestrator-frames", new TypeLiteral<Uni<OutboxReplay>>() { }, breaker);
        this.closeBreaker = breaker("orchestrator-close-session", new TypeLiteral<Uni<Void>>() { }, breaker);
        this.actionBreaker = breaker("orchestrator-action", new TypeLiteral<Uni<ActionAck>>() { }, breaker);
    }

    /** Whom a socket's ticket admits (the ticket is spent either way). Deadline: the session timeout. */
    public Uni<RedeemedTicket> redeem(String ticket) {
        return redeemBreaker.get(() -> api.redeem(new TicketRedemption(ticket)))
                .ifNoItem().after(config.sessionTimeout()).fail();
    }

    /** {@code after}: the client's last seq when it resumes, else null. Deadline: the session timeout. */
    public Uni<SessionOpened> openSession(String playerId, String token, String gatewayId, String connectionId,
            Long after) {
        return openBreaker.get(() -> api.openSession(playerId, bearer(token), gatewayId, connectionId, after))
                .ifNoItem().after(config.sessionTimeout()).fail();
    }

    /** The player's outbox after {@code after}. Deadline: the session timeout. */
    public Uni<OutboxReplay> frames(String playerId, long after, String token) {
        return framesBreaker.get(() -> api.frames(playerId, after, bearer(token)))
                .ifNoItem().after(config.sessionTimeout()).fail();
    }

    /** Deadline: the session timeout. */
    public Uni<Void> closeSession(String playerId, String token, String gatewayId, String connectionId) {
        return closeBreaker.get(() -> api.closeSession(playerId, bearer(token), gatewayId, connectionId))
                .ifNoItem().after(config.sessionTimeout()).fail();
    }

    /**
     * {@code first}: no heartbeat of this process was answered yet (the orchestrator cannot know it). Deadline:
     * the heartbeat timeout; no breaker.
     */
    public Uni<HeartbeatReply> heartbeat(String gatewayId, boolean first) {
        return api.heartbeat(gatewayId, first).ifNoItem().after(heartbeatTimeout).fail();
    }

    /** Deadline: the action timeout (narration included); past it the answer may still come through the outbox. */
    public Uni<ActionAck> action(String token, ActionRequest action) {
        return actionBreaker.get(() -> api.action(bearer(token), action))
                .ifNoItem().after(config.actionTimeout()).fail();
    }

    /** Deadline: the health timeout; no breaker. */
    public Uni<Void> health() {
        return api.health().ifNoItem().after(config.healthTimeout()).fail();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Built with SmallRye Fault Tolerance's programmatic API, so the settings come from typed config. */
    private static <T> TypedGuard<T> breaker(String name, TypeLiteral<T> type, GatewayConfig.Breaker config) {
        return TypedGuard.create(type)
                .withDescription(name)
                .withCircuitBreaker()
                .name(name)
                .requestVolumeThreshold(config.requestVolumeThreshold())
                .failureRatio(config.failureRatio())
                .delay(config.delay().toMillis(), ChronoUnit.MILLIS)
                .skipOn(OrchestratorRejection.class)
                .done()
                .build();
    }
}
