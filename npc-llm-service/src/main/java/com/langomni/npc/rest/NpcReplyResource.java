package com.langomni.npc.rest;

import com.langomni.api.npc.NpcReplyRequest;
import com.langomni.api.npc.NpcReplyResponse;
import com.langomni.npc.domain.NpcReplyRequestValidator;
import com.langomni.npc.service.NpcReplyService;
import com.langomni.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/npc/reply")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class NpcReplyResource {
    private final NpcReplyService replies;

    public NpcReplyResource(NpcReplyService replies) {
        this.replies = replies;
    }

    @POST
    @Operation(summary = "An NPC's reply to what a player said")
    @APIResponse(responseCode = "200", description = "The NPC's line and its source")
    @APIResponse(responseCode = "400", description = "Missing npcId or npcName, or malformed JSON")
    public Uni<NpcReplyResponse> reply(NpcReplyRequest request) {
        NpcReplyRequestValidator.problem(request).ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
        return replies.reply(request);
    }
}
