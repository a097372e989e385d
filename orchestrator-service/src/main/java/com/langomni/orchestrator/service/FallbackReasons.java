package com.langomni.orchestrator.service;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Why a narrator's text was replaced by the rules', in the words world-llm-service uses for its own fallbacks. */
final class FallbackReasons {

    static final String TIMEOUT = "timeout";
    static final String CIRCUIT_OPEN = "circuit_open";
    static final String ERROR = "error";
    /** world-llm's admission queue was full (only world-llm reports it). */
    static final String BUSY = "busy";

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
