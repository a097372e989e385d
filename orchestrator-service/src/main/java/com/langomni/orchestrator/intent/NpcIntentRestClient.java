package com.langomni.orchestrator.intent;

import com.langomni.api.intent.IntentProposal;
import com.langomni.api.intent.IntentProposalRequest;
import com.langomni.support.auth.ServiceTokenClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** npc-llm-service's intent proposals; only {@link IntentProposals} calls it. */
@RegisterRestClient(configKey = "npc-llm")
@RegisterProvider(ServiceTokenClientFilter.class) // the internal endpoints want our service token
@Path("/api/intent")
interface NpcIntentRestClient {

    @POST
    @Path("/propose")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<IntentProposal> propose(IntentProposalRequest request);
}
