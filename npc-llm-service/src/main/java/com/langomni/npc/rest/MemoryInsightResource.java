package com.langomni.npc.rest;

import com.langomni.api.memory.ImportanceRequest;
import com.langomni.api.memory.ImportanceResponse;
import com.langomni.api.memory.ReflectRequest;
import com.langomni.api.memory.ReflectResponse;
import com.langomni.npc.config.NpcConfig;
import com.langomni.npc.domain.InsightRequestValidator;
import com.langomni.npc.service.ImportanceService;
import com.langomni.npc.service.ReflectionService;
import com.langomni.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** What memory-service asks of the NPC model: how much a memory matters, and what memories add up to. */
@Path("/api/npc")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MemoryInsightResource {
    private final ImportanceService importance;
    private final ReflectionService reflection;
    private final int maxMemories;

    public MemoryInsightResource(ImportanceService importance, ReflectionService reflection, NpcConfig config) {
        this.importance = importance;
        this.reflection = reflection;
        this.maxMemories = config.insight().maxMemories();
    }

    @POST
    @Path("/importance")
    @Operation(summary = "Rate a memory's poignancy 1..10 (source llm), or 0 with source rules: apply your own "
            + "heuristic")
    @APIResponse(responseCode = "200", description = "{importance, source}")
    @APIResponse(responseCode = "400", description = "Missing or blank text, or malformed JSON")
    public Uni<ImportanceResponse> importance(ImportanceRequest request) {
        InsightRequestValidator.problem(request).ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
        return importance.score(request.text());
    }

    @POST
    @Path("/reflect")
    @Operation(summary = "Insights drawn from an owner's memories, each with the ids of its evidence; none with "
            + "source rules")
    @APIResponse(responseCode = "200", description = "{reflections:[{text, evidence, importance}], source}")
    @APIResponse(responseCode = "400", description = "Missing ownerId, no memories, too many, a memory without "
            + "id or text, or malformed JSON")
    public Uni<ReflectResponse> reflect(ReflectRequest request) {
        InsightRequestValidator.problem(request, maxMemories).ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
        return reflection.reflect(request);
    }
}
