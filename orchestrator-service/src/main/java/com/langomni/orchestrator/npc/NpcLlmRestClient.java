package com.langomni.orchestrator.npc;

import com.langomni.api.llm.BackendStatus;
import com.langomni.api.npc.NpcReplyRequest;
import com.langomni.api.npc.NpcReplyResponse;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import com.langomni.support.auth.ServiceTokenClientFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** npc-llm-service; only {@link NpcLlmClient} calls it. */
@RegisterRestClient(configKey = "npc-llm")
@RegisterProvider(ServiceTokenClientFilter.class) // the internal endpoints want our service token
@Path("/api")
interface NpcLlmRestClient {

    @POST
    @Path("/npc/reply")
    Uni<NpcReplyResponse> reply(NpcReplyRequest request);

    @GET
    @Path("/backends")
    Uni<List<BackendStatus>> backends();
}
