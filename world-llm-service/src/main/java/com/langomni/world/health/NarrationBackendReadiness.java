package com.langomni.world.health;

import com.langomni.world.client.WorldModelClient;
import com.langomni.world.service.NarrationService;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a backend is selected. The rule narrator has no dependencies; a world model that cannot be reached
 * still narrates through the rule narrator, so its state is reported as data ({@code llm}, {@code circuit}) and
 * degrades the text, never readiness.
 */
@Readiness
public class NarrationBackendReadiness implements HealthCheck {
    private final NarrationService narration;
    private final WorldModelClient llm;
    private final CircuitBreakerMaintenance circuits;

    public NarrationBackendReadiness(NarrationService narration, WorldModelClient llm,
                                     CircuitBreakerMaintenance circuits) {
        this.narration = narration;
        this.llm = llm;
        this.circuits = circuits;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder up = HealthCheckResponse.named("narration").up()
                .withData("backend", narration.backendName());
        llm.status().ifPresent(s -> up.withData("llm", s.healthy() ? "UP" : "DOWN").withData("llmUrl", s.url())
                .withData("circuit", circuits.currentState(WorldModelClient.CIRCUIT).name()));
        return up.build();
    }
}
