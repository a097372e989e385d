package com.langomni.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.langomni.api.game.ActionAck;
import com.langomni.api.game.ActionRequest;
import com.langomni.api.game.OutboxReplay;
import com.langomni.api.game.RedeemedTicket;
import com.langomni.api.game.SessionOpened;
import com.langomni.api.game.TicketRedemption;
import com.langomni.api.presence.HeartbeatReply;
import com.langomni.support.auth.ServiceTokenClientFilter;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** The orchestrator endpoints the gateway calls itself; only {@link OrchestratorClient} uses it. */
@RegisterRestClient(configKey = "orchestrator")
@RegisterProvider(ServiceTokenClientFilter.class) // the internal endpoints want our service token
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface OrchestratorApi {

    /** Whom a socket's ticket admits; it works once. */
    @POST
    @Path("/internal/tickets/redeem")
    Uni<RedeemedTicket> redeem(TicketRedemption redemption);

    /** {@code after}: the client's last seq when it resumes, else null. */
    @POST
    @Path("/internal/sessions/{playerId}/open")
    Uni<SessionOpened> openSession(@RestPath String playerId, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestQuery String gateway, @RestQuery String connection, @RestQuery Long after);

    @GET
    @Path("/internal/sessions/{playerId}/frames")
    Uni<OutboxReplay> frames(@RestPath String playerId, @RestQuery long after,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/internal/sessions/{playerId}/close")
    Uni<Void> closeSession(@RestPath String playerId, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RestQuery String gateway, @RestQuery String connection);

    @POST
    @Path("/internal/gateways/{gatewayId}/heartbeat")
    Uni<HeartbeatReply> heartbeat(@RestPath String gatewayId, @RestQuery boolean first);

    /** The answer itself reaches the player through the outbox; this acknowledges it (or carries it, see ActionAck). */
    @POST
    @Path("/internal/actions")
    Uni<ActionAck> action(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization, ActionRequest action);

    @GET
    @Path("/api/health")
    Uni<Void> health();

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return OrchestratorRejection.of(response);
    }
}
