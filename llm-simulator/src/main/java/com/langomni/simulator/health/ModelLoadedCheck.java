package com.langomni.simulator.health;

import com.langomni.simulator.service.ModelLoading;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** /q/health/ready mirrors vLLM's /health: not ready while the model is "loading". */
@Readiness
@ApplicationScoped
public class ModelLoadedCheck implements HealthCheck {
    private final ModelLoading loading;

    public ModelLoadedCheck(ModelLoading loading) {
        this.loading = loading;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("model-loaded").status(!loading.loading()).build();
    }
}
