package com.langomni.simulator.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The JAX-RS endpoints answer errors in the same vLLM shape as the completion routes. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.error());
    }

    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e) {
        return respond(VllmError.of(400, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(VllmError.of(400, "malformed JSON: " + e.getOriginalMessage()));
    }

    /** Declared on its own because Quarkus ships a more specific mapper for it. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        return respond(VllmError.of(e.getResponse().getStatus(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("Unexpected error", e);
        return respond(VllmError.of(500, "internal error"));
    }

    static Response respond(VllmError error) {
        return Response.status(error.code()).type(MediaType.APPLICATION_JSON).entity(error).build();
    }
}
