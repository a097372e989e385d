package com.langomni.memory.rest;

import com.langomni.api.memory.RankRequest;
import com.langomni.api.memory.RankedText;
import com.langomni.memory.service.RankService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Stateless semantic ranking; a blocking signature so that embedding runs on a worker thread. */
@Path("/api/embeddings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "embeddings")
public class EmbeddingResource {

    private final RankService ranks;

    public EmbeddingResource(RankService ranks) {
        this.ranks = ranks;
    }

    @POST
    @Path("/rank")
    @Operation(summary = "Candidate texts ordered by cosine similarity to the query, best first")
    public List<RankedText> rank(RankRequest body) {
        return ranks.rank(body);
    }
}
