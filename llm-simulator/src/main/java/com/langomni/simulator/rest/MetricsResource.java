package com.langomni.simulator.rest;

import com.langomni.simulator.service.EngineDriver;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** GET /metrics: vLLM's Prometheus metrics, read by routers and dashboards exactly as from vLLM. */
@Path("/metrics")
public class MetricsResource {
    private final EngineDriver engine;

    public MetricsResource(EngineDriver engine) {
        this.engine = engine;
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String metrics() {
        return PrometheusWriter.render(engine.snapshot(), engine.settings().servedModelName());
    }
}
