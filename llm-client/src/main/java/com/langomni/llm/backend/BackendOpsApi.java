package com.langomni.llm.backend;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * vLLM's operational endpoints at the server root ({@code /health}, {@code /metrics}), and {@code /models} under
 * the OpenAI base URL for servers without {@code /health}.
 */
@Path("")
public interface BackendOpsApi {

    @GET
    @Path("/health")
    Uni<Response> health();

    @GET
    @Path("/models")
    Uni<Response> models();

    @GET
    @Path("/metrics")
    @Produces(MediaType.TEXT_PLAIN)
    Uni<Response> metrics();
}
