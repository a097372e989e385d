package com.langomni.simulator.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * /sim/prompts: the simulator's own debugging API (not vLLM's). GET lists the latest prompts received, oldest first,
 * as the client sent them (chat messages with their roles, or a completion's prompt); DELETE forgets them. Off unless
 * {@code sim.recorded-prompts} (env {@code SIM_RECORDED_PROMPTS}) is above 0: then GET answers 404, so a test that
 * forgot to turn it on fails rather than reading an empty list.
 */
@Path("/sim/prompts")
@Produces(MediaType.APPLICATION_JSON)
public class PromptsResource {
    private final PromptLog log;

    PromptsResource(PromptLog log) {
        this.log = log;
    }

    @GET
    public List<ReceivedPrompt> recent() {
        if (log.capacity() == 0) {
            throw new VllmRefusal(404, "prompts are not recorded: set sim.recorded-prompts (SIM_RECORDED_PROMPTS)");
        }
        return log.recent();
    }

    @DELETE
    public Response clear() {
        log.clear();
        return Response.noContent().build();
    }
}
