package com.langomni.orchestrator.health;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** Health for people and dashboards; Kubernetes uses /q/health/live and /q/health/ready. */
@Path("/api/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private final DetailedHealth health;

    HealthResource(DetailedHealth health) {
        this.health = health;
    }

    @GET
    public Map<String, String> health() {
        return Map.of("status", ComponentHealth.UP);
    }

    /** 200 while the game can run (UP or DEGRADED), 503 when PostgreSQL or Redis is down. */
    @GET
    @Path("/detailed")
    public Uni<RestResponse<HealthReport>> detailed() {
        return health.check().map(report -> RestResponse.status(
                ComponentHealth.DOWN.equals(report.status()) ? RestResponse.Status.SERVICE_UNAVAILABLE
                        : RestResponse.Status.OK, report));
    }
}
