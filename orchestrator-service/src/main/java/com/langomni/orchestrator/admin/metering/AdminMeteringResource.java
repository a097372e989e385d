package com.langomni.orchestrator.admin.metering;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import com.langomni.orchestrator.auth.Admin;
import com.langomni.orchestrator.auth.Secured;

/** LLM spend, cost and the world budget for the admin panel. Admin token required. */
@Path("/api/admin/metering")
@Secured
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminMeteringResource {

    private final AdminMetering metering;

    AdminMeteringResource(AdminMetering metering) {
        this.metering = metering;
    }

    @GET
    public Uni<Metering> overview() {
        return metering.overview();
    }

    /** {@code {"perHour": n}} tokens everyone may spend per clock hour; 0 for none. */
    @PUT
    @Path("/world-budget")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Metering.WorldSpend> worldBudget(BudgetRequest request) {
        return metering.setWorldBudget(request);
    }
}
