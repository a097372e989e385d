package com.langomni.npc.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.langomni.api.protocol.ErrorBody;
import com.langomni.api.protocol.ErrorCodes;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as an {@link ErrorBody}; bad input is a 400, never a 500. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return error(Response.Status.BAD_REQUEST, ErrorCodes.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return error(Response.Status.BAD_REQUEST, ErrorCodes.BAD_REQUEST,
                "malformed JSON: " + e.getOriginalMessage());
    }

    /** Declared on its own because Quarkus ships a more specific mapper for it with a different body. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // the body reader wraps Jackson failures in a 400 WebApplicationException
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        return error(Response.Status.fromStatusCode(status), codeFor(status), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("Unexpected error", e);
        return error(Response.Status.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL, "internal error");
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400, 405, 406, 415 -> ErrorCodes.BAD_REQUEST;
            case 401 -> ErrorCodes.UNAUTHORIZED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 413 -> ErrorCodes.TOO_LARGE;
            case 503 -> ErrorCodes.UNAVAILABLE;
            default -> status < 500 ? ErrorCodes.BAD_REQUEST : ErrorCodes.INTERNAL;
        };
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(code, message)).build();
    }
}
