package com.langomni.world.rest;

import com.langomni.api.llm.BackendStatus;
import com.langomni.world.client.WorldModelClient;
import com.langomni.world.service.NarrationAdmission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/backends")
public class BackendResource {
    private final WorldModelClient llm;
    private final NarrationAdmission admission;

    public BackendResource(WorldModelClient llm, NarrationAdmission admission) {
        this.llm = llm;
        this.admission = admission;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The world model backend's health and load, with this replica's admission figures (queue "
            + "depth, admissions and degradations by priority, cluster limit); empty when no LLM is configured")
    public List<BackendStatus> backends() {
        return llm.status().map(s -> s.withAdmission(admission.status())).stream().toList();
    }
}
