package com.langomni.simulator.rest;

import com.langomni.simulator.service.EngineDriver;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** POST /reset_prefix_cache, as vLLM serves it in development mode: forget every cached prefix. */
@Path("/reset_prefix_cache")
public class PrefixCacheResource {
    private final EngineDriver engine;

    public PrefixCacheResource(EngineDriver engine) {
        this.engine = engine;
    }

    @POST
    public Response reset() {
        engine.resetPrefixCache();
        return Response.ok().build();
    }
}
