package com.langomni.memory.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.langomni.api.protocol.ErrorBody;
import com.langomni.memory.repository.StoreUnavailableException;
import com.langomni.memory.service.InvalidRequestException;
import com.langomni.memory.service.ModelNotReadyException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorMappersTest {

    private final ErrorMappers mappers = new ErrorMappers();

    @Test
    void refusalsKeepTheirCode() {
        assertError(400, "too_large", "too long", mappers.invalid(new InvalidRequestException("too_large", "too long")));
    }

    @Test
    void anUnavailableStoreOrModelIs503() {
        assertError(503, "unavailable", "closed", mappers.unavailable(new StoreUnavailableException("closed")));
        assertEquals(503, mappers.unavailable(new ModelNotReadyException()).getStatus());
    }

    @Test
    void jaxRsErrorsKeepTheirStatus() {
        assertEquals("not_found", mappers.web(new NotFoundException()).getEntity().code());
        assertError(405, "bad_request", null, mappers.web(new NotAllowedException("GET")));
        RestResponse<ErrorBody> wrapped = mappers.web(new BadRequestException(new JsonParseException(null, "bad token")));
        assertError(400, "bad_request", "malformed JSON body: bad token", wrapped);
        assertEquals("internal", mappers.web(new jakarta.ws.rs.WebApplicationException(Response.Status.BAD_GATEWAY))
                .getEntity().code());
    }

    @Test
    void anythingElseIsAnOpaque500() {
        RestResponse<ErrorBody> response = mappers.unexpected(new IllegalStateException("secret detail"));
        assertError(500, "internal", "internal error", response);
    }

    private static void assertError(int status, String code, String message, RestResponse<ErrorBody> response) {
        assertEquals(status, response.getStatus());
        assertEquals(code, response.getEntity().code());
        if (message != null) {
            assertEquals(message, response.getEntity().message());
        } else {
            assertTrue(response.getEntity().message() != null && !response.getEntity().message().isBlank());
        }
    }
}
