package com.langomni.simulator.debug;

import com.langomni.simulator.domain.PromptLog;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * /sim/prompts: the prompts received and the answers given, oldest first ({@code ?after=seq} for the newer
 * ones); DELETE forgets them. 404 unless {@code sim.debug.capture-prompts} is on.
 */
@Path("/sim/prompts")
@Produces(MediaType.APPLICATION_JSON)
public class PromptsResource {
    private final PromptCapture capture;

    public PromptsResource(PromptCapture capture) {
        this.capture = capture;
    }

    @GET
    public PromptLog.Page after(@QueryParam("after") @DefaultValue("0") long after) {
        return log().after(after);
    }

    @DELETE
    public void clear() {
        log().clear();
    }

    private PromptLog log() {
        return capture.log().orElseThrow(() -> new NotFoundException("prompt capture is off (sim.debug.capture-prompts)"));
    }
}
