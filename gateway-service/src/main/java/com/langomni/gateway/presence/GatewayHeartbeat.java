package com.langomni.gateway.presence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.langomni.api.presence.HeartbeatReply;
import com.langomni.gateway.client.OrchestratorClient;
import com.langomni.gateway.config.GatewayConfig;
import com.langomni.gateway.service.ConnectionRegistry;
import com.langomni.gateway.service.GatewayMetrics;
import com.langomni.gateway.service.PlayerSession;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Tells the orchestrator every heartbeat interval that this gateway lives, so its players stay online; when it
 * stops (the process died) the orchestrator closes its sockets after langomni.presence.dead-after. If the answer
 * says the orchestrator holds none of our sockets any more (we were declared dead while stalled or cut off, or
 * Redis lost its data), every socket opened before the heartbeat is closed with 1012: the clients reconnect and
 * resume, and are counted again. Until one heartbeat is answered each says it is the first: the orchestrator does
 * not know a new gateway yet, and sockets admitted before that answer (players connect as soon as the gateway is
 * up) must not be taken for the sockets of a forgotten one.
 */
@ApplicationScoped
public class GatewayHeartbeat {

    /** RFC 6455 "Service Restart": reconnect. */
    public static final int SERVICE_RESTART = 1012;

    private final OrchestratorClient orchestrator;
    private final ConnectionRegistry registry;
    private final GatewayMetrics metrics;
    private final GatewayIdentity identity;
    private final GatewayConfig.Heartbeat config;
    private final Vertx vertx;
    private long timer = -1;
    private volatile boolean missing;
    private volatile boolean answeredOnce;

    public GatewayHeartbeat(OrchestratorClient orchestrator, ConnectionRegistry registry, GatewayMetrics metrics,
            GatewayIdentity identity, GatewayConfig config, Vertx vertx) {
        this.orchestrator = orchestrator;
        this.registry = registry;
        this.metrics = metrics;
        this.identity = identity;
        this.config = config.heartbeat();
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(0, config.interval().toMillis(),
                id -> beat().subscribe().with(done -> { }, failure -> { }));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** One heartbeat; completes when it was answered (and acted upon) or failed. */
    Uni<Void> beat() {
        // Taken before the call: a socket opened after it was counted under this heartbeat's answer already.
        List<PlayerSession> before = registry.allSessions();
        return orchestrator.heartbeat(identity.id(), !answeredOnce)
                .invoke(reply -> answered(reply, before))
                .onFailure().invoke(this::failed)
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void answered(HeartbeatReply reply, List<PlayerSession> before) {
        answeredOnce = true;
        if (missing) {
            Log.infof("Heartbeat of gateway %s answered again", identity.id());
            missing = false;
        }
        if (reply == null || !reply.reset()) {
            return;
        }
        List<PlayerSession> open = before.stream().filter(PlayerSession::isOpen).toList();
        if (open.isEmpty()) {
            return;
        }
        Log.warnf("The orchestrator holds no sockets of gateway %s (declared dead while unreachable?): closing %d"
                + " sockets so their players reconnect", identity.id(), open.size());
        open.forEach(session -> {
            metrics.socketClosed("reset");
            session.close(SERVICE_RESTART, "Reconnect, please").subscribe().with(done -> { }, failure -> { });
        });
    }

    private void failed(Throwable failure) {
        if (!missing) {
            Log.warnf("Heartbeat of gateway %s failed (%s); the orchestrator drops this gateway's sockets if it hears"
                    + " none for its dead-after", identity.id(), failure.toString());
            missing = true;
        }
    }
}
