package com.langomni.orchestrator.narration;

import com.langomni.api.llm.BackendStatus;
import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import com.langomni.support.auth.ServiceTokenClientFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** world-llm-service; only {@link WorldLlmClient} calls it. */
@RegisterRestClient(configKey = "world-llm")
@RegisterProvider(ServiceTokenClientFilter.class) // the internal endpoints want our service token
@Path("/api")
interface WorldLlmRestClient {

    /** Server-sent events, one {@link NarrationChunk} per event; cancelling the Multi closes the request. */
    @POST
    @Path("/narrate/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    Multi<NarrationChunk> stream(NarrationRequest request);

    @GET
    @Path("/backends")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<List<BackendStatus>> backends();
}
