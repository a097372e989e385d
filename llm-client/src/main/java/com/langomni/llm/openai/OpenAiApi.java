package com.langomni.llm.openai;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The OpenAI-compatible endpoints we call, relative to a base URL ending in {@code /v1}. Built per backend by
 * {@link OpenAiClient}; the SSE stream comes back as the raw {@code data:} payloads, {@code [DONE]} included.
 */
@Path("")
public interface OpenAiApi {

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<String> streamChat(@HeaderParam("Authorization") String authorization, ChatRequest request);

    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<ModelList> models(@HeaderParam("Authorization") String authorization);
}
