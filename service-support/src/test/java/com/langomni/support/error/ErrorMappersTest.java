package com.langomni.support.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.langomni.api.protocol.ErrorBody;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorMappersTest {

    private final ErrorMappers mappers = new ErrorMappers(new ErrorBodyShape(), List.of(), true);

    @Test
    void aRefusalKeepsItsStatusCodeAndMessage() {
        assertError(409, "conflict", "name taken", mappers.api(ApiException.conflict("name taken")));
        assertError(400, "too_large", "too long", mappers.api(ApiException.tooLarge("too long")));
        assertError(503, "overloaded", "full", mappers.api(ApiException.overloaded("full")));
        assertEquals(MediaType.APPLICATION_JSON_TYPE, mappers.api(ApiException.notFound("x")).getMediaType());
        assertTrue(ApiException.isOverloaded(ApiException.overloaded("full")));
        assertFalse(ApiException.isOverloaded(ApiException.busy("locked")));
    }

    @Test
    void aRefusalWithARetryTimeSaysItInRetryAfterInWholeSecondsRoundedUp() {
        Response limited = mappers.api(ApiException.rateLimited("slow down", java.time.Duration.ofMillis(2100)));
        assertError(429, "rate_limited", "slow down", limited);
        assertEquals("3", limited.getHeaderString("Retry-After"));
        assertEquals("1", mappers.api(ApiException.rateLimited("now", java.time.Duration.ZERO))
                .getHeaderString("Retry-After"), "never 0: a client would retry at once");
        assertEquals(null, mappers.api(ApiException.rateLimited("plain")).getHeaderString("Retry-After"));
    }

    @Test
    void malformedJsonIsABadRequestThatSaysWhere() {
        assertError(400, "bad_request", "malformed JSON body: bad token",
                mappers.malformedJson(new JsonParseException(null, "bad token")));
        assertError(400, "bad_request", "malformed JSON body: wrong type",
                mappers.malformedJson(MismatchedInputException.from(null, String.class, "wrong type")));
        assertError(400, "bad_request", "malformed JSON body: bad token",
                mappers.web(new BadRequestException(new JsonParseException(null, "bad token"))));
    }

    @Test
    void aPublicServiceSaysOnlyThatTheJsonIsMalformed() {
        ErrorMappers terse = new ErrorMappers(new ErrorBodyShape(), List.of(), false);
        assertError(400, "bad_request", "malformed JSON body",
                terse.malformedJson(new JsonParseException(null, "Cannot construct instance of `com.x.Secret`")));
        assertError(400, "bad_request", "malformed JSON body",
                terse.web(new BadRequestException(new JsonParseException(null, "bad token"))));
    }

    @Test
    void jaxRsErrorsKeepTheirStatusWithTheCodeItMeans() {
        assertError(404, "not_found", "HTTP 404 Not Found", mappers.web(new NotFoundException()));
        assertError(405, "bad_request", "HTTP 405 Method Not Allowed", mappers.web(new NotAllowedException("GET")));
        Map<Integer, String> codes = Map.of(401, "unauthorized", 403, "forbidden", 409, "conflict", 413, "too_large",
                415, "bad_request", 429, "rate_limited", 502, "internal", 503, "unavailable");
        codes.forEach((status, code) -> assertEquals(code,
                body(mappers.web(new WebApplicationException(status))).code(), "status " + status));
        assertError(502, "internal", "HTTP 502", mappers.web(new WebApplicationException((String) null, 502)));
    }

    @Test
    void anythingElseIsAnOpaque500() {
        assertError(500, "internal", "internal error", mappers.unexpected(new IllegalStateException("secret detail")));
        assertError(500, "internal", "internal error", mappers.unexpected(new IOException("checked")));
    }

    @Test
    void aServiceClassifiesTheFailuresItKnowsBeforeThe500() {
        FailureClassifier unreachable = e -> e instanceof ConnectException
                ? Optional.of(ApiException.unavailable("a store is unreachable")) : Optional.empty();
        FailureClassifier never = e -> Optional.empty();
        ErrorMappers classifying = new ErrorMappers(new ErrorBodyShape(), List.of(never, unreachable), true);
        assertError(503, "unavailable", "a store is unreachable",
                classifying.unexpected(new ConnectException("refused")));
        assertError(500, "internal", "internal error", classifying.unexpected(new IllegalStateException("bug")));
    }

    @Test
    void aServiceMayWriteAnotherShape() {
        record Foreign(String error, int status) {
        }
        ErrorMappers foreign = new ErrorMappers((status, code, message) -> new Foreign(message, status), List.of(), true);
        Response response = foreign.api(ApiException.badRequest("no prompt"));
        assertEquals(400, response.getStatus());
        assertEquals(new Foreign("no prompt", 400), response.getEntity());
    }

    private static ErrorBody body(Response response) {
        return (ErrorBody) response.getEntity();
    }

    private static void assertError(int status, String code, String message, Response response) {
        assertEquals(status, response.getStatus());
        assertEquals(new ErrorBody(code, message), body(response));
    }
}
