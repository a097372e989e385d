package com.langomni.orchestrator.ticket;

import com.langomni.api.game.SocketTicket;
import com.langomni.orchestrator.auth.CurrentPlayer;
import com.langomni.orchestrator.auth.Secured;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A player fetches a socket ticket with their bearer token (clients reach it through the gateway's /api proxy). */
@Path("/api/auth/ticket")
@Secured
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    private final SocketTickets tickets;
    private final CurrentPlayer caller;

    TicketResource(SocketTickets tickets, CurrentPlayer caller) {
        this.tickets = tickets;
        this.caller = caller;
    }

    /** 200 {@code {"ticket","expiresInSeconds"}}; 401 for a refused token; 503 when Redis cannot keep it. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<SocketTicket> issue() {
        return tickets.issue(caller.claims());
    }
}
