package com.langomni.orchestrator.session;

import com.langomni.api.presence.HeartbeatReply;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Gateway heartbeats. Like every /internal endpoint it is reachable only inside the cluster: the gateway never
 * forwards /internal/** and the orchestrator's network policy admits only the gateways. It carries no player, so
 * no player token; a forged heartbeat could at worst keep a dead gateway's players listed.
 */
@Path("/internal/gateways/{gatewayId}")
@Produces(MediaType.APPLICATION_JSON)
public class GatewayResource {

    private final GatewayRegistry gateways;

    GatewayResource(GatewayRegistry gateways) {
        this.gateways = gateways;
    }

    /**
     * Records that the gateway is alive; 400 for an id that no gateway could have. {@code first}: the gateway has
     * had no answer yet, so not knowing it means it is new (not that it was forgotten).
     */
    @POST
    @Path("/heartbeat")
    public Uni<HeartbeatReply> heartbeat(@PathParam("gatewayId") String gatewayId,
                                         @QueryParam("first") boolean first) {
        return gateways.heartbeat(SocketId.gatewayId(gatewayId), first).map(HeartbeatReply::new);
    }
}
