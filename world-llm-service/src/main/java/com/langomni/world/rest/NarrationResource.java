package com.langomni.world.rest;

import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.narration.NarrationResponse;
import com.langomni.world.domain.NarrationRequestValidator;
import com.langomni.world.service.NarrationService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/narrate")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class NarrationResource {
    private final NarrationService narration;

    public NarrationResource(NarrationService narration) {
        this.narration = narration;
    }

    @POST
    @Operation(summary = "Narrate an outcome the rules engine already decided")
    @APIResponse(responseCode = "200", description = "The narration and its source")
    @APIResponse(responseCode = "400", description = "Missing intent or outcome, or malformed JSON")
    public Uni<NarrationResponse> narrate(NarrationRequest request) {
        NarrationRequestValidator.problem(request).ifPresent(problem -> {
            throw new InvalidRequestException(problem);
        });
        return narration.narrate(request);
    }
}
