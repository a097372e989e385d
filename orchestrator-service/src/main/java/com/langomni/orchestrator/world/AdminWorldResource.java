package com.langomni.orchestrator.world;

import com.langomni.orchestrator.auth.Admin;
import com.langomni.orchestrator.auth.CurrentPlayer;
import com.langomni.orchestrator.auth.Secured;
import com.langomni.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The living world for the admin panel: clock, pause, world events. Admin token required; every change audited. */
@Path("/api/admin/world")
@Secured
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminWorldResource {

    static final int MAX_REASON = 200;

    private final WorldControl control;
    private final CurrentPlayer caller;

    AdminWorldResource(WorldControl control, CurrentPlayer caller) {
        this.control = control;
        this.caller = caller;
    }

    @GET
    public Uni<WorldView> world() {
        return control.view();
    }

    /** Pauses ({@code paused: true}) or resumes the world; in force here at once, everywhere within the TTL. */
    @PUT
    @Path("/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<WorldView> pause(WorldView.PauseRequest request) {
        if (request == null || request.paused() == null) {
            throw ApiException.badRequest("paused must be true or false");
        }
        if (request.reason() != null && request.reason().length() > MAX_REASON) {
            throw ApiException.badRequest("reason must be at most " + MAX_REASON + " characters");
        }
        return control.pause(request.paused(), request.reason(), caller.claims().name());
    }

    /** Starts a world event of a kind the pack defines, told to every player online. */
    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<WorldView> start(WorldView.EventRequest request) {
        if (request == null || request.kind() == null || request.kind().isBlank()) {
            throw ApiException.badRequest("kind is required");
        }
        return control.start(request.kind(), request.durationSeconds(), caller.claims().name());
    }

    /** Ends the event under way; 404 when none is. */
    @DELETE
    @Path("/events/current")
    public Uni<WorldView> end() {
        return control.end(caller.claims().name());
    }
}
