package com.langomni.orchestrator.game;

import com.langomni.api.game.ActionAck;
import com.langomni.api.game.ActionRequest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;
import com.langomni.orchestrator.auth.CurrentPlayer;
import com.langomni.orchestrator.auth.Secured;

/**
 * Actions forwarded by the gateway (not under /api: the gateway does not forward it). The answer, result or
 * refusal, reaches the player through the outbox; this only acknowledges it with its sequence number.
 */
@Path("/internal/actions")
@Secured
@Produces(MediaType.APPLICATION_JSON)
public class ActionAckResource {

    private final ActionService actions;
    private final CurrentPlayer caller;

    ActionAckResource(ActionService actions, CurrentPlayer caller) {
        this.actions = actions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Cancellable(false) // a caller that gives up must not cut a committed action short
    public Uni<ActionAck> act(ActionRequest request) {
        return actions.acknowledge(caller.id(), request);
    }
}
