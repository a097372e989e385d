package com.langomni.orchestrator.narration;

import com.langomni.api.narration.FallbackReason;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Which {@link FallbackReason} a failed narration call stands for, in the words world-llm uses for its own. */
final class FailureReason {

    private FailureReason() {
    }

    static FallbackReason of(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return FallbackReason.CIRCUIT_OPEN;
        }
        if (failure instanceof io.smallrye.mutiny.TimeoutException || failure instanceof TimeoutException) {
            return FallbackReason.TIMEOUT;
        }
        return FallbackReason.ERROR;
    }
}
