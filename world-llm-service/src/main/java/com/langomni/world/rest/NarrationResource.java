package com.langomni.world.rest;

import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.narration.NarrationResponse;
import com.langomni.support.error.ApiException;
import com.langomni.world.domain.NarrationRequestValidator;
import com.langomni.world.service.NarrationService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/narrate")
@Consumes(MediaType.APPLICATION_JSON)
public class NarrationResource {
    private final NarrationService narration;

    public NarrationResource(NarrationService narration) {
        this.narration = narration;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Narrate an outcome the rules engine already decided")
    @APIResponse(responseCode = "200", description = "The narration and its source")
    @APIResponse(responseCode = "400", description = "Missing intent or outcome, or malformed JSON")
    public Uni<NarrationResponse> narrate(NarrationRequest request) {
        validate(request);
        return narration.narrate(request);
    }

    @POST
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Narrate as the words are written: NarrationChunk deltas, then one final chunk")
    @APIResponse(responseCode = "200", description = "Server-sent events, one NarrationChunk JSON each")
    @APIResponse(responseCode = "400", description = "Missing intent or outcome, or malformed JSON (before any event)")
    public Multi<NarrationChunk> stream(NarrationRequest request) {
        validate(request);
        return narration.stream(request);
    }

    private static void validate(NarrationRequest request) {
        NarrationRequestValidator.problem(request).ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
    }
}
