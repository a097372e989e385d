package com.langomni.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.langomni.api.game.ActionRequest;
import com.langomni.api.game.Welcome;
import com.langomni.api.presence.HeartbeatReply;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** The orchestrator endpoints the gateway calls itself; only {@link OrchestratorClient} uses it. */
@RegisterRestClient(configKey = "orchestrator")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface OrchestratorApi {

    @POST
    @Path("/internal/sessions/{playerId}/open")
    Uni<Welcome> openSession(@RestPath String playerId, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestQuery String gateway, @RestQuery String connection);

    @POST
    @Path("/internal/sessions/{playerId}/close")
    Uni<Void> closeSession(@RestPath String playerId, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestQuery String gateway, @RestQuery String connection);

    @POST
    @Path("/internal/gateways/{gatewayId}/heartbeat")
    Uni<HeartbeatReply> heartbeat(@RestPath String gatewayId);

    /** 200 carries an ActionResult, but the player gets it as a result frame through Redis, so it is not read. */
    @POST
    @Path("/api/game/action")
    Uni<Void> action(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization, ActionRequest action);

    @GET
    @Path("/api/health")
    Uni<Void> health();

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return OrchestratorRejection.of(response);
    }
}
