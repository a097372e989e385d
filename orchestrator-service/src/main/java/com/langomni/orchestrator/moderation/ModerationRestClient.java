package com.langomni.orchestrator.moderation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** An OpenAI-compatible moderation endpoint; only {@link ModerationEndpoint} calls it. */
@RegisterRestClient(configKey = "moderation")
interface ModerationRestClient {

    @POST
    @Path("/moderations")
    Uni<Response> check(@HeaderParam("Authorization") String authorization, Request request);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(String input, String model) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Response(List<Result> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(boolean flagged, Map<String, Boolean> categories) {
    }
}
