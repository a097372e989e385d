package com.langomni.simulator.rest;

/** A refusal with its vLLM-shaped body, thrown anywhere while a request is checked. */
public class ApiException extends RuntimeException {
    private final VllmError error;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.error = VllmError.of(status, message);
    }

    public VllmError error() {
        return error;
    }
}
