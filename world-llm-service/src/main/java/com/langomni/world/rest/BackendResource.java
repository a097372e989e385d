package com.langomni.world.rest;

import com.langomni.api.llm.BackendStatus;
import com.langomni.world.client.WorldLlmClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/backends")
public class BackendResource {
    private final WorldLlmClient llm;

    public BackendResource(WorldLlmClient llm) {
        this.llm = llm;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The world model backend's health and load; empty when no LLM is configured")
    public List<BackendStatus> backends() {
        return llm.status().stream().toList();
    }
}
