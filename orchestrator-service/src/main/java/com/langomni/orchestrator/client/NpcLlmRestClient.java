package com.langomni.orchestrator.client;

import com.langomni.api.npc.NpcReplyRequest;
import com.langomni.api.npc.NpcReplyResponse;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** npc-llm-service; only {@link NpcLlmClient} calls it. */
@RegisterRestClient(configKey = "npc-llm")
@Path("/api/npc/reply")
interface NpcLlmRestClient {

    @POST
    Uni<NpcReplyResponse> reply(NpcReplyRequest request);
}
