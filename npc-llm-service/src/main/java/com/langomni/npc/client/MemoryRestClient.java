package com.langomni.npc.client;

import com.langomni.api.memory.RankRequest;
import com.langomni.api.memory.RankedText;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import com.langomni.support.auth.ServiceTokenClientFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** memory-service as seen from here; only {@link MemoryClient} calls it. */
@RegisterRestClient(configKey = "memory")
@RegisterProvider(ServiceTokenClientFilter.class) // the internal endpoints want our service token
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface MemoryRestClient {

    @POST
    @Path("/api/embeddings/rank")
    Uni<List<RankedText>> rank(RankRequest request);

    @GET
    @Path("/q/health/ready")
    Uni<Response> ready();
}
