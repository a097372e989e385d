package com.langomni.npc.rest;

import com.langomni.api.llm.BackendStatus;
import com.langomni.npc.client.NpcReplicas;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/backends")
@Produces(MediaType.APPLICATION_JSON)
public class BackendsResource {
    private final NpcReplicas replicas;

    public BackendsResource(NpcReplicas replicas) {
        this.replicas = replicas;
    }

    @GET
    @Operation(summary = "Health and load of each NPC model replica (npc-1..N in NPC_LLM_URLS order); [] when none")
    public List<BackendStatus> backends() {
        return replicas.statuses();
    }
}
