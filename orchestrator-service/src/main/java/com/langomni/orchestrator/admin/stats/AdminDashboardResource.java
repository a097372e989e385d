package com.langomni.orchestrator.admin.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.narration.CacheMetrics;
import com.langomni.orchestrator.admin.topology.GpuMetrics;
import com.langomni.orchestrator.admin.topology.LlmBackends;
import com.langomni.orchestrator.narration.NarrationCache;
import com.langomni.orchestrator.admin.topology.AdminTopology;
import com.langomni.orchestrator.admin.topology.Topology;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.RestQuery;
import com.langomni.orchestrator.auth.Admin;
import com.langomni.orchestrator.auth.Secured;
import com.langomni.orchestrator.common.QueryParams;

/** Operator data for the admin panel; under /api so the gateway forwards it, admin token required. */
@Path("/api/admin")
@Secured
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminDashboardResource {

    static final int DEFAULT_HISTORY_MINUTES = 30;

    private final LlmBackends backends;
    private final NarrationCache cache;
    private final AdminStats stats;
    private final StatsHistory history;
    private final AdminTopology topology;
    private final AdminStream stream;
    private final ObjectMapper json;

    AdminDashboardResource(LlmBackends backends, NarrationCache cache, AdminStats stats, StatsHistory history,
                           AdminTopology topology, AdminStream stream, ObjectMapper json) {
        this.backends = backends;
        this.cache = cache;
        this.stats = stats;
        this.history = history;
        this.topology = topology;
        this.stream = stream;
        this.json = json;
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

    /** The cluster over the last minute. */
    @GET
    @Path("/stats")
    public Uni<Stats> stats() {
        return stats.current();
    }

    /** One point per 10 s step over the last {@code minutes} (1-60, default 30), oldest first. */
    @GET
    @Path("/metrics/history")
    public Uni<History> history(@RestQuery String minutes) {
        return history.last(QueryParams.integer("minutes", minutes, DEFAULT_HISTORY_MINUTES));
    }

    /** The running system as a graph of live parts. */
    @GET
    @Path("/topology")
    public Uni<Topology> topology() {
        return topology.current();
    }

    /**
     * Server-sent events: {@code stats} every second and {@code topology} every two, each also at once; until the
     * client goes away. The panel reads it with fetch, so the token stays in the Authorization header.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        return stream.open().map(event -> sse.newEventBuilder()
                .name(event.name())
                .data(write(event.data()))
                .build());
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("admin figures are always serialisable", e);
        }
    }
}
