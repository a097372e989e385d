package com.langomni.memory.rest;

import com.langomni.api.memory.MemoryHit;
import com.langomni.api.memory.MemoryRecord;
import com.langomni.api.memory.MemorySearch;
import com.langomni.api.memory.MemoryWrite;
import com.langomni.memory.repository.StoreStats;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.memory.service.EmbeddingService;
import com.langomni.memory.service.InvalidRequestException;
import com.langomni.memory.service.MemoryService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/**
 * Memories of NPCs and players. Plain (blocking) signatures on purpose: they run on worker threads,
 * since embedding is CPU-bound ONNX inference and writes wait for an fsync.
 */
@Path("/api/memories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "memories")
public class MemoryResource {

    private final MemoryService memories;
    private final EmbeddingService embeddings;

    public MemoryResource(MemoryService memories, EmbeddingService embeddings) {
        this.memories = memories;
        this.embeddings = embeddings;
    }

    /**
     * 201 and the memory. With an {@code Idempotency-Key} header, a key this owner already stored answers that memory
     * again (201, header {@code Idempotent-Replayed: true}) and stores nothing; 409 when that memory differs.
     */
    @POST
    @Operation(summary = "Store a memory (importance scored by heuristic when not given); once per Idempotency-Key")
    public RestResponse<MemoryRecord> write(@RestHeader(MemoryWrite.IDEMPOTENCY_KEY) String idempotencyKey,
                                            MemoryWrite body) {
        MemoryService.Written written = memories.write(body, idempotencyKey);
        RestResponse.ResponseBuilder<MemoryRecord> answer = RestResponse.ResponseBuilder
                .create(RestResponse.Status.CREATED, written.memory());
        if (written.replayed()) {
            answer.header(MemoryWrite.REPLAYED, "true");
        }
        return answer.build();
    }

    @POST
    @Path("/search")
    @Operation(summary = "An owner's best memories for a query: relevance + recency + importance")
    public List<MemoryHit> search(MemorySearch body) {
        return memories.search(body);
    }

    @GET
    @Operation(summary = "An owner's memories, newest first")
    public List<MemoryRecord> list(@RestQuery String owner, @RestQuery String limit) {
        return memories.list(owner, limit);
    }

    @GET
    @Path("/count")
    public OwnerCount count(@RestQuery String owner) {
        return new OwnerCount(owner, memories.count(owner));
    }

    @DELETE
    @Operation(summary = "Delete every memory of an owner (?owner=) or about a player, whoever owns it (?subject=)")
    public Object delete(@RestQuery String owner, @RestQuery String subject) {
        if (owner != null && subject != null) {
            throw new InvalidRequestException(ErrorCodes.BAD_REQUEST, "give owner or subject, not both");
        }
        if (subject != null) {
            return new SubjectDeletion(subject, memories.deleteBySubject(subject));
        }
        return new OwnerDeletion(owner, memories.deleteByOwner(owner));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One memory by id, whoever owns it (404 when there is none)")
    public MemoryRecord get(@RestPath String id) {
        return memories.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one memory by id (204; 404 when there is none)")
    public RestResponse<Void> deleteOne(@RestPath String id) {
        memories.delete(id);
        return RestResponse.noContent();
    }

    @GET
    @Path("/stats")
    public MemoryStats stats() {
        StoreStats stats = memories.stats();
        return new MemoryStats(stats.memories(), stats.owners(), stats.kinds(), memories.storeName(),
                embeddings.dimension());
    }
}
