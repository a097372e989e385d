package com.langomni.simulator.rest;

import com.langomni.simulator.domain.FaultPlan;
import com.langomni.simulator.service.FaultInjector;
import com.langomni.simulator.service.ModelLoading;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;

/**
 * /sim/faults: the simulator's own admin API (not vLLM's) to inject faults at runtime. POST changes only
 * the fields it names; DELETE restores the configured faults and ends any loading.
 */
@Path("/sim/faults")
@Produces(MediaType.APPLICATION_JSON)
public class FaultsResource {
    private final FaultInjector faults;
    private final ModelLoading loading;

    public FaultsResource(FaultInjector faults, ModelLoading loading) {
        this.faults = faults;
        this.loading = loading;
    }

    /** Fields left null keep their value; {@code loadingSeconds} > 0 makes /health answer 503 that long. */
    public record FaultUpdate(Double errorRate, Double hangRate, Double stallRate, Double crashRate,
                              Integer faultAfterTokens, Double loadingSeconds) {
    }

    public record FaultState(double errorRate, double hangRate, double stallRate, double crashRate,
                             int faultAfterTokens, boolean loading) {
    }

    @GET
    public FaultState current() {
        FaultPlan p = faults.plan();
        return new FaultState(p.errorRate(), p.hangRate(), p.stallRate(), p.crashRate(), p.faultAfterTokens(),
                loading.loading());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public FaultState update(FaultUpdate u) {
        if (u == null) {
            throw new VllmRefusal(400, "a JSON body is required");
        }
        FaultPlan p = faults.plan();
        faults.replace(new FaultPlan(
                u.errorRate() != null ? u.errorRate() : p.errorRate(),
                u.hangRate() != null ? u.hangRate() : p.hangRate(),
                u.stallRate() != null ? u.stallRate() : p.stallRate(),
                u.crashRate() != null ? u.crashRate() : p.crashRate(),
                u.faultAfterTokens() != null ? u.faultAfterTokens() : p.faultAfterTokens()));
        if (u.loadingSeconds() != null) {
            if (!(u.loadingSeconds() >= 0)) {
                throw new VllmRefusal(400, "loadingSeconds must be >= 0");
            }
            loading.loadFor(Duration.ofMillis(Math.round(u.loadingSeconds() * 1000)));
        }
        return current();
    }

    @DELETE
    public FaultState reset() {
        faults.reset();
        loading.loadFor(Duration.ZERO);
        return current();
    }
}
