package com.langomni.world.health;

import com.langomni.world.service.NarrationService;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a backend is selected. The rule narrator has no dependencies; a remote backend that cannot be
 * reached still narrates through the rule narrator, so it degrades the text, never readiness.
 */
@Readiness
public class NarrationBackendReadiness implements HealthCheck {
    private final NarrationService narration;

    public NarrationBackendReadiness(NarrationService narration) {
        this.narration = narration;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("narration").up().withData("backend", narration.backendName()).build();
    }
}
