package com.langomni.orchestrator.session;

import com.langomni.api.game.OutboxReplay;
import com.langomni.api.game.SessionOpened;
import com.langomni.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.server.Cancellable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import com.langomni.orchestrator.auth.CurrentPlayer;
import com.langomni.orchestrator.auth.EndedSessionAccepted;
import com.langomni.orchestrator.auth.Secured;

/**
 * Socket sessions reported by the gateway (not under /api: the gateway does not forward it). The player's own
 * token is required, so a socket opened with someone else's token is refused here. Each call names its socket:
 * {@code ?gateway=<gateway instance id>&connection=<connection id>} (400 when missing or malformed).
 */
@Path("/internal/sessions/{playerId}")
@Secured
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final CurrentPlayer caller;

    SessionResource(SessionService sessions, CurrentPlayer caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    @Path("/open")
    @Cancellable(false) // a caller that gives up must not cut a committed action short
    public Uni<SessionOpened> open(@PathParam("playerId") String playerId, @RestQuery String gateway,
                                   @RestQuery String connection, @RestQuery Long after) {
        return sessions.open(caller.claims(), playerId, SocketId.of(gateway, connection), after);
    }

    /** The frames of the player's outbox after {@code after} (a gateway catching up a gap it noticed). */
    @GET
    @Path("/frames")
    public Uni<OutboxReplay> frames(@PathParam("playerId") String playerId, @RestQuery Long after) {
        if (after == null) {
            throw ApiException.badRequest("frames needs ?after=<seq>");
        }
        return sessions.frames(caller.claims(), playerId, after);
    }

    @POST
    @Path("/close")
    @EndedSessionAccepted // a socket kicked because its session ended still leaves
    @Cancellable(false) // a caller that gives up must not cut a committed action short
    public Uni<RestResponse<Void>> close(@PathParam("playerId") String playerId, @RestQuery String gateway,
                                         @RestQuery String connection) {
        return sessions.close(caller.claims(), playerId, SocketId.of(gateway, connection))
                .map(done -> RestResponse.noContent());
    }
}
