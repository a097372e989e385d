package com.langomni.simulator.rest;

import com.langomni.support.error.ApiException;

/** A refusal answered in vLLM's shape ({@link VllmError}), thrown anywhere while a request is checked. */
public class VllmRefusal extends ApiException {

    public VllmRefusal(int status, String message) {
        super(status, VllmError.typeFor(status), message); // vLLM's error type stands where our code would
    }

    public VllmError error() {
        return VllmError.of(status(), getMessage());
    }
}
