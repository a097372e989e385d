package com.langomni.memory.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** An OpenAI-compatible {@code POST <base>/embeddings} (base ends in /v1); only {@link OpenAiEmbeddingsClient} calls it. */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface EmbeddingsApi {

    record EmbeddingsRequest(String model, List<String> input) {
    }

    record EmbeddingsResponse(List<Item> data) {
        record Item(int index, float[] embedding) {
        }
    }

    /** {@code authorization} null: no header (servers without a key). */
    @POST
    @Path("/embeddings")
    Uni<EmbeddingsResponse> embed(@HeaderParam("Authorization") String authorization, EmbeddingsRequest request);
}
