package com.langomni.memory.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.langomni.api.protocol.ErrorBody;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.memory.repository.StoreUnavailableException;
import com.langomni.memory.service.IdempotencyConflictException;
import com.langomni.memory.service.InvalidRequestException;
import com.langomni.memory.service.MemoryNotFoundException;
import com.langomni.memory.service.EmbeddingUnavailableException;
import com.langomni.memory.service.ModelNotReadyException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure becomes an {@link ErrorBody}: 400 for bad input (malformed JSON included), never a bare 500. */
public class ErrorMappers {

    @ServerExceptionMapper
    public RestResponse<ErrorBody> invalid(InvalidRequestException e) {
        return RestResponse.status(RestResponse.Status.BAD_REQUEST, new ErrorBody(e.code(), e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> notFound(MemoryNotFoundException e) {
        return RestResponse.status(RestResponse.Status.NOT_FOUND, new ErrorBody(ErrorCodes.NOT_FOUND, e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> conflict(IdempotencyConflictException e) {
        return RestResponse.status(RestResponse.Status.CONFLICT, new ErrorBody(ErrorCodes.CONFLICT, e.getMessage()));
    }

    // The specific Jackson types are listed so that these win over Quarkus' built-in mappers for them.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class})
    public RestResponse<ErrorBody> malformedJson(JsonProcessingException e) {
        return RestResponse.status(RestResponse.Status.BAD_REQUEST,
                new ErrorBody(ErrorCodes.BAD_REQUEST, "malformed JSON body: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper({StoreUnavailableException.class, ModelNotReadyException.class,
            EmbeddingUnavailableException.class})
    public RestResponse<ErrorBody> unavailable(RuntimeException e) {
        return RestResponse.status(RestResponse.Status.SERVICE_UNAVAILABLE,
                new ErrorBody(ErrorCodes.UNAVAILABLE, e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json); // the JSON reader wraps syntax errors in a plain 400
        }
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 401 -> ErrorCodes.UNAUTHORIZED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 413 -> ErrorCodes.TOO_LARGE;
            default -> status >= 500 ? ErrorCodes.INTERNAL : ErrorCodes.BAD_REQUEST;
        };
        return RestResponse.status(RestResponse.Status.fromStatusCode(status), new ErrorBody(code, e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unexpected(Exception e) {
        Log.errorf(e, "Unexpected failure");
        return RestResponse.status(RestResponse.Status.INTERNAL_SERVER_ERROR,
                new ErrorBody(ErrorCodes.INTERNAL, "internal error"));
    }
}
