package com.langomni.world.rest;

import com.langomni.api.intent.IntentProposal;
import com.langomni.api.intent.IntentProposalRequest;
import com.langomni.support.error.ApiException;
import com.langomni.world.service.IntentService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/intent")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IntentResource {

    private final IntentService intents;

    public IntentResource(IntentService intents) {
        this.intents = intents;
    }

    @POST
    @Path("/propose")
    @Operation(summary = "Pick which of the legal actions the player's words meant (structured output), or none")
    @APIResponse(responseCode = "200", description = "One of the offered actions, or none")
    @APIResponse(responseCode = "400", description = "No text or no actions")
    @APIResponse(responseCode = "503", description = "The model failed, was too slow or answered unusably")
    public Uni<IntentProposal> propose(IntentProposalRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw ApiException.badRequest("text: required");
        }
        if (request.actions() == null || request.actions().isEmpty()
                || request.actions().stream().anyMatch(a -> a == null || a.isBlank())) {
            throw ApiException.badRequest("actions: one or more, none blank");
        }
        return intents.propose(request).onFailure(failure -> !(failure instanceof ApiException))
                .transform(failure -> ApiException.unavailable("no intent proposal: " + failure.getMessage()));
    }
}
