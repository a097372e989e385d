package com.langomni.memory.client;

import com.langomni.api.memory.ImportanceRequest;
import com.langomni.api.memory.ImportanceResponse;
import com.langomni.api.memory.ReflectRequest;
import com.langomni.api.memory.ReflectResponse;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** npc-llm-service's memory endpoints, with game-api's bodies; only {@link NpcLlmClient} calls it. */
@Path("/api/npc")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface NpcLlmApi {

    @POST
    @Path("/importance")
    Uni<ImportanceResponse> importance(ImportanceRequest request);

    @POST
    @Path("/reflect")
    Uni<ReflectResponse> reflect(ReflectRequest request);
}
