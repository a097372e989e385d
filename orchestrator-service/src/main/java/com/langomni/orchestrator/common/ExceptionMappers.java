package com.langomni.orchestrator.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.langomni.api.protocol.ErrorBody;
import com.langomni.api.protocol.ErrorCodes;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as an {@link ErrorBody}: bad input is a clear 4xx, never a 500 with a stack trace. */
public class ExceptionMappers {

    @ServerExceptionMapper
    public RestResponse<ErrorBody> api(ApiException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    @ServerExceptionMapper({JsonParseException.class, MismatchedInputException.class, JsonProcessingException.class})
    public RestResponse<ErrorBody> malformedJson(Exception e) {
        return error(400, ErrorCodes.BAD_REQUEST, "malformed JSON body");
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = e.getMessage() == null ? "HTTP " + status : e.getMessage();
        return error(status, codeOf(status), message);
    }

    /** A store that cannot be reached is an outage (503, retry later), not a bug (500). */
    @ServerExceptionMapper
    public RestResponse<ErrorBody> unexpected(Throwable e) {
        if (Saturation.is(e)) {
            Log.debugf("Refused at capacity: %s", e.toString());
            return error(503, ErrorCodes.OVERLOADED, "the game is at capacity; try again in a moment");
        }
        if (unreachable(e)) {
            Log.warnf("A data store is unreachable: %s", e.toString());
            return error(503, ErrorCodes.UNAVAILABLE, "the game is temporarily unavailable");
        }
        Log.error("Unexpected failure", e);
        return error(500, ErrorCodes.INTERNAL, "internal error");
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 401 -> ErrorCodes.UNAUTHORIZED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 409 -> ErrorCodes.CONFLICT;
            case 413 -> ErrorCodes.TOO_LARGE;
            case 429 -> ErrorCodes.RATE_LIMITED;
            case 503 -> ErrorCodes.UNAVAILABLE;
            default -> status >= 500 ? ErrorCodes.INTERNAL : ErrorCodes.BAD_REQUEST;
        };
    }

    private static RestResponse<ErrorBody> error(int status, String code, String message) {
        return RestResponse.ResponseBuilder.<ErrorBody>create(status).entity(new ErrorBody(code, message))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
