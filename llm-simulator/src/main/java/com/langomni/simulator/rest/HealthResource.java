package com.langomni.simulator.rest;

import com.langomni.simulator.service.ModelLoading;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** GET /health as vLLM serves it: 200 with an empty body once the model is loaded, 503 before. */
@Path("/health")
public class HealthResource {
    private final ModelLoading loading;

    public HealthResource(ModelLoading loading) {
        this.loading = loading;
    }

    @GET
    public Response health() {
        if (loading.loading()) {
            throw new VllmRefusal(503, "The model is still loading.");
        }
        return Response.ok().build();
    }
}
