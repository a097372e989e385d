package com.langomni.simulator.rest;

import com.langomni.support.error.ErrorShape;
import jakarta.inject.Singleton;

/** The JAX-RS endpoints answer errors in the same vLLM shape as the completion routes (see service-support). */
@Singleton
public class VllmErrorShape implements ErrorShape {

    @Override
    public VllmError body(int status, String code, String message) {
        return VllmError.of(status, message);
    }
}
