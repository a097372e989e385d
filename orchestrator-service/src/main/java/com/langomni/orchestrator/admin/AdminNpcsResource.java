package com.langomni.orchestrator.admin;

import com.langomni.api.memory.MemoryRecord;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import com.langomni.orchestrator.auth.Admin;
import com.langomni.orchestrator.auth.Secured;
import com.langomni.orchestrator.common.QueryParams;

/** NPCs for the admin panel and their memories. Admin token required. */
@Path("/api/admin/npcs")
@Secured
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminNpcsResource {

    private final AdminNpcs npcs;

    AdminNpcsResource(AdminNpcs npcs) {
        this.npcs = npcs;
    }

    /** Every NPC by name, with live conversations and memory counts (null when their store does not answer). */
    @GET
    public Uni<List<AdminNpc>> list() {
        return npcs.list();
    }

    @GET
    @Path("/{id}")
    public Uni<AdminNpcDetail> detail(@RestPath String id) {
        return npcs.detail(id);
    }

    /** The best memories for {@code q}, or the newest without; {@code limit} 1-50 (50). 503 when memory-service is down. */
    @GET
    @Path("/{id}/memories")
    public Uni<List<MemoryRecord>> memories(@RestPath String id, @RestQuery String q, @RestQuery String limit) {
        return npcs.memories(id, q, QueryParams.integer("limit", limit, AdminNpcs.MAX_LIMIT));
    }

    @DELETE
    @Path("/{id}/memories/{memoryId}")
    public Uni<RestResponse<Void>> deleteMemory(@RestPath String id, @RestPath String memoryId) {
        return npcs.deleteMemory(id, memoryId).replaceWith(RestResponse.noContent());
    }
}
