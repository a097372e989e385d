package com.langomni.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.langomni.gateway.client.OrchestratorClient;
import com.langomni.gateway.config.GatewayConfig;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Reports whether the orchestrator answers, but always UP: a gateway that cannot reach the orchestrator still
 * serves static files and tells players to retry, and taking every replica out of the load balancer would not
 * bring the orchestrator back.
 */
@Readiness
@ApplicationScoped
public class OrchestratorHealthCheck implements AsyncHealthCheck {

    private final OrchestratorClient orchestrator;
    private final GatewayConfig config;

    public OrchestratorHealthCheck(OrchestratorClient orchestrator, GatewayConfig config) {
        this.orchestrator = orchestrator;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        long started = System.nanoTime();
        return orchestrator.health()
                .map(ok -> "UP")
                .onFailure().recoverWithItem(failure -> "DOWN")
                .map(state -> HealthCheckResponse.named("orchestrator")
                        .up()
                        .withData("orchestrator", state)
                        .withData("latencyMs", (System.nanoTime() - started) / 1_000_000)
                        .withData("url", config.orchestrator().url())
                        .build());
    }
}
