package com.langomni.orchestrator.health;

import com.langomni.orchestrator.auth.Admin;
import com.langomni.orchestrator.auth.Secured;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Health for people and dashboards; Kubernetes uses /q/health/live and /q/health/ready. The public answer says only
 * that this service serves; the detailed one probes every store and service, so it is for admins (a probe per
 * component per request would be a cheap amplifier for anyone), and says codes and states, never exception text.
 */
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

    /** 200 while the game can run (UP or DEGRADED), 503 when PostgreSQL or Redis is down; 401/403 for a non-admin. */
    @GET
    @Path("/detailed")
    @Secured
    @Admin
    public Uni<RestResponse<HealthReport>> detailed() {
        return health.check().map(report -> RestResponse.status(
                ComponentHealth.DOWN.equals(report.status()) ? RestResponse.Status.SERVICE_UNAVAILABLE
                        : RestResponse.Status.OK, report));
    }
}
