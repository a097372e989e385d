package com.langomni.world.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.langomni.api.narration.FallbackReason;
import com.langomni.world.client.LlmTimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

class OpenAiNarrationBackendTest {

    @Test
    void theAnswerLengthIsTheRequestsCappedByTheConfiguredMaximum() {
        assertEquals(40, OpenAiNarrationBackend.maxTokens(40, 200));
        assertEquals(200, OpenAiNarrationBackend.maxTokens(5000, 200));
        assertEquals(200, OpenAiNarrationBackend.maxTokens(0, 200), "0 = the configured default");
        assertEquals(200, OpenAiNarrationBackend.maxTokens(-3, 200));
    }

    @Test
    void eachFailureHasItsFallbackReason() {
        AdmissionQueue q = new AdmissionQueue(1, 0, 0);
        q.enter(Priority.HIGH);
        Throwable busy = q.enter(Priority.HIGH).admitted().handle((ok, failure) -> failure).join();
        assertEquals(FallbackReason.BUSY, OpenAiNarrationBackend.reason(busy));
        assertEquals(FallbackReason.TIMEOUT, OpenAiNarrationBackend.reason(new LlmTimeoutException("late")));
        assertEquals(FallbackReason.CIRCUIT_OPEN, OpenAiNarrationBackend.reason(new CircuitBreakerOpenException()));
        assertEquals(FallbackReason.ERROR, OpenAiNarrationBackend.reason(new IllegalStateException()));
    }

    @Test
    void priorityIsHighOnlyWhenSaidSo() {
        assertEquals(Priority.HIGH, Priority.of("high"));
        assertEquals(Priority.NORMAL, Priority.of("normal"));
        assertEquals(Priority.NORMAL, Priority.of(null));
        assertEquals(Priority.NORMAL, Priority.of("HIGH"), "the contract's values are lower case");
    }
}
