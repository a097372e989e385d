package com.langomni.orchestrator.ticket;

import com.langomni.api.game.RedeemedTicket;
import com.langomni.api.game.TicketRedemption;
import com.langomni.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The gateway redeems the ticket a socket opened with (not under /api: the gateway does not forward /internal/**).
 * The ticket itself is the credential here; the token it answers is checked again on every later call.
 */
@Path("/internal/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketRedemptionResource {

    private final SocketTickets tickets;

    TicketRedemptionResource(SocketTickets tickets) {
        this.tickets = tickets;
    }

    /** 200 {@code {"playerId","token"}}, once; 401 unknown, used or expired; 503 unavailable (Redis). */
    @POST
    @Path("/redeem")
    @Cancellable(false) // a redeemed ticket is gone: a caller that gives up has lost it either way
    public Uni<RedeemedTicket> redeem(TicketRedemption request) {
        if (request == null) {
            throw ApiException.badRequest("redeem needs {\"ticket\":\"...\"}");
        }
        return tickets.redeem(request.ticket());
    }
}
