package com.langomni.orchestrator.rest;

import com.langomni.orchestrator.service.CacheMetrics;
import com.langomni.orchestrator.service.GpuMetrics;
import com.langomni.orchestrator.service.LlmBackends;
import com.langomni.orchestrator.service.MemoryErasure;
import com.langomni.orchestrator.service.NarrationCache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;

/** Operator data for the admin panel; under /api so the gateway forwards it, admin token required. */
@Path("/api/admin")
@Secured
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final LlmBackends backends;
    private final NarrationCache cache;
    private final MemoryErasure erasure;

    AdminResource(LlmBackends backends, NarrationCache cache, MemoryErasure erasure) {
        this.backends = backends;
        this.cache = cache;
        this.erasure = erasure;
    }

    /** Every LLM backend behind world-llm and npc-llm; a service that does not answer is DOWN. */
    @GET
    @Path("/metrics/gpu")
    public Uni<GpuMetrics> gpu() {
        return backends.collect();
    }

    /** The world narration cache, cluster-wide. */
    @GET
    @Path("/metrics/cache")
    public Uni<CacheMetrics> cache() {
        return cache.metrics();
    }

    /** Erases every memory about a player and their own history: {@code {"deleted": n}}; 503 when memory-service is down. */
    @DELETE
    @Path("/players/{id}/memories")
    public Uni<Map<String, Long>> erasePlayerMemories(@RestPath String id) {
        return erasure.erasePlayer(id).map(deleted -> Map.of("deleted", deleted));
    }
}
