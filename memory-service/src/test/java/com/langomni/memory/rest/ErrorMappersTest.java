package com.langomni.memory.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.langomni.api.protocol.ErrorBody;
import com.langomni.memory.repository.StoreUnavailableException;
import com.langomni.memory.service.InvalidRequestException;
import com.langomni.memory.service.ModelNotReadyException;
import com.langomni.support.error.ErrorBodyShape;
import com.langomni.support.error.ErrorMappers;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** This service's refusals through the shared {@link ErrorMappers}. */
class ErrorMappersTest {

    private final ErrorMappers mappers = new ErrorMappers(new ErrorBodyShape(), List.of(), true);

    @Test
    void refusalsKeepTheirCode() {
        assertError(400, "too_large", "too long", mappers.api(new InvalidRequestException("too_large", "too long")));
    }

    @Test
    void anUnavailableStoreOrModelIs503() {
        assertError(503, "unavailable", "closed", mappers.api(new StoreUnavailableException("closed")));
        assertEquals(503, mappers.api(new ModelNotReadyException()).getStatus());
    }

    @Test
    void jaxRsErrorsKeepTheirStatus() {
        assertEquals("not_found", body(mappers.web(new NotFoundException())).code());
        assertError(405, "bad_request", null, mappers.web(new NotAllowedException("GET")));
        Response wrapped = mappers.web(new BadRequestException(new JsonParseException(null, "bad token")));
        assertError(400, "bad_request", "malformed JSON body: bad token", wrapped);
        assertEquals("internal", body(mappers.web(new jakarta.ws.rs.WebApplicationException(
                Response.Status.BAD_GATEWAY))).code());
    }

    @Test
    void anythingElseIsAnOpaque500() {
        Response response = mappers.unexpected(new IllegalStateException("secret detail"));
        assertError(500, "internal", "internal error", response);
    }

    private static ErrorBody body(Response response) {
        return (ErrorBody) response.getEntity();
    }

    private static void assertError(int status, String code, String message, Response response) {
        assertEquals(status, response.getStatus());
        assertEquals(code, body(response).code());
        if (message != null) {
            assertEquals(message, body(response).message());
        } else {
            assertTrue(body(response).message() != null && !body(response).message().isBlank());
        }
    }
}
