package com.langomni.orchestrator.client;

import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.narration.NarrationResponse;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** world-llm-service; only {@link WorldLlmClient} calls it. */
@RegisterRestClient(configKey = "world-llm")
@Path("/api/narrate")
interface WorldLlmRestClient {

    @POST
    Uni<NarrationResponse> narrate(NarrationRequest request);
}
