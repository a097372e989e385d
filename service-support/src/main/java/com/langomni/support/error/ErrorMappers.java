package com.langomni.support.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.langomni.api.protocol.ErrorCodes;
import io.quarkus.arc.All;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a service's REST endpoints raise leaves as one JSON body ({@link ErrorShape}): a refusal with its own
 * status and code, bad input (malformed JSON included) as a 400, never a 500 with a stack trace.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final ErrorShape shape;
    private final List<FailureClassifier> classifiers;
    private final boolean parserDetail;

    /**
     * @param parserDetail whether a malformed-JSON answer carries the parser's own text: helpful between our
     *                     services, off where the internet calls (it can name internal types)
     */
    @Inject
    public ErrorMappers(ErrorShape shape, @All List<FailureClassifier> classifiers,
                        @ConfigProperty(name = "langomni.errors.parser-detail", defaultValue = "true") boolean parserDetail) {
        this.shape = shape;
        this.classifiers = classifiers;
        this.parserDetail = parserDetail;
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder answer = builder(e.status(), e.code(), e.getMessage());
        if (e.retryAfterSeconds() > 0) {
            answer.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return answer.build();
    }

    // The specific Jackson types are listed so that these win over Quarkus' built-in mappers for them.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class})
    public Response malformedJson(JsonProcessingException e) {
        if (!parserDetail) {
            LOG.debugf("Malformed JSON body: %s", e.getOriginalMessage());
            return error(400, ErrorCodes.BAD_REQUEST, "malformed JSON body");
        }
        return error(400, ErrorCodes.BAD_REQUEST, "malformed JSON body: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json); // the JSON body reader wraps syntax errors in a plain 400
        }
        int status = e.getResponse().getStatus();
        return error(status, codeFor(status), e.getMessage() == null ? "HTTP " + status : e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        for (FailureClassifier classifier : classifiers) {
            Optional<ApiException> known = classifier.classify(e);
            if (known.isPresent()) {
                return api(known.get());
            }
        }
        LOG.error("Unexpected failure", e);
        return error(500, ErrorCodes.INTERNAL, "internal error");
    }

    static String codeFor(int status) {
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

    private Response error(int status, String code, String message) {
        return builder(status, code, message).build();
    }

    private Response.ResponseBuilder builder(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(shape.body(status, code, message));
    }
}
