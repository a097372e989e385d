package com.langomni.orchestrator.narration;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Why a narrator's text was replaced by the rules', in the words world-llm-service uses for its own fallbacks. */
public final class FallbackReasons {

    public static final String TIMEOUT = "timeout";
    public static final String CIRCUIT_OPEN = "circuit_open";
    public static final String ERROR = "error";
    /** world-llm's admission queue was full (only world-llm reports it). */
    public static final String BUSY = "busy";

    private FallbackReasons() {
    }

    static String of(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return CIRCUIT_OPEN;
        }
        if (failure instanceof io.smallrye.mutiny.TimeoutException || failure instanceof TimeoutException) {
            return TIMEOUT;
        }
        return ERROR;
    }
}
