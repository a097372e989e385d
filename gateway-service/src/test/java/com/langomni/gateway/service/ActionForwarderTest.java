package com.langomni.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;

import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.langomni.api.protocol.ErrorBody;
import com.langomni.api.protocol.ErrorFrame;
import com.langomni.gateway.client.OrchestratorRejection;

import io.smallrye.mutiny.TimeoutException;

class ActionForwarderTest {

    @ParameterizedTest
    @CsvSource({
            "429, rate_limited, rate_limited",
            "400, bad_request, bad_request",
            "400, too_large, too_large",
            "413, too_large, too_large",
            "401, unauthorized, unauthorized",
            "403, forbidden, unauthorized",
            "503, busy, busy",
            "503, unavailable, unavailable",
            "500, internal, internal",
            "404, not_found, internal",
    })
    void mapsAnOrchestratorAnswerToTheContractCode(int status, String bodyCode, String frameCode) {
        ErrorFrame frame = ActionForwarder.errorFor("a1", new OrchestratorRejection(status, new ErrorBody(bodyCode, "why")));

        assertEquals(new ErrorFrame("error", "a1", frameCode, "why"), frame);
    }

    @Test
    void answersBusyForNoAnswerYetAndUnavailableForAnUnreachableOrchestrator() {
        assertEquals("busy", ActionForwarder.errorFor("a", new TimeoutException()).code());
        assertEquals("unavailable", ActionForwarder.errorFor("a", new CircuitBreakerOpenException("open")).code());
        assertEquals("unavailable", ActionForwarder.errorFor("a", new ProcessingException(new ConnectException("refused"))).code());
        assertTrue(ActionForwarder.errorFor("a", new TimeoutException()).message().contains("same action id"),
                "the player learns that resending the id is safe");
    }

    @Test
    void answersInternalForAnythingElse() {
        assertEquals("internal", ActionForwarder.errorFor("a", new IllegalArgumentException("bug")).code());
    }
}
