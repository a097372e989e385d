package com.langomni.orchestrator.admin;

import com.langomni.orchestrator.memory.MemoryDeadLetterPage;
import com.langomni.orchestrator.memory.MemoryDeadLetters;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import com.langomni.orchestrator.auth.Admin;
import com.langomni.orchestrator.auth.Secured;

/** The memory writes given up on (the dead letters of the memory write queue). Admin token required. */
@Path("/api/admin/memory/dead-letters")
@Secured
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminMemoryResource {

    private final MemoryDeadLetters deadLetters;

    AdminMemoryResource(MemoryDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The newest 100, newest first, and how many there are. */
    @GET
    public Uni<MemoryDeadLetterPage> list() {
        return deadLetters.list();
    }

    /** Back on the work stream with no attempts counted (and its idempotency key); 404 for an unknown id. */
    @POST
    @Path("/{id}/replay")
    public Uni<RestResponse<Void>> replay(@RestPath String id) {
        return deadLetters.replay(id).replaceWith(RestResponse.noContent());
    }

    /** 404 for an unknown id. */
    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return deadLetters.delete(id).replaceWith(RestResponse.noContent());
    }
}
