package com.langomni.memory.service;

import com.langomni.api.protocol.ErrorCodes;
import com.langomni.support.error.ApiException;

/** The embedding model is not loaded (yet); mapped to 503. */
public class ModelNotReadyException extends ApiException {

    public ModelNotReadyException() {
        super(503, ErrorCodes.UNAVAILABLE, "the embedding model is not loaded yet");
    }
}
