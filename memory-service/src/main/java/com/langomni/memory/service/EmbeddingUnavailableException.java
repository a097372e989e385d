package com.langomni.memory.service;

import com.langomni.api.protocol.ErrorCodes;
import com.langomni.support.error.ApiException;

/** The remote embeddings server failed or answered wrongly; mapped to 503. */
public class EmbeddingUnavailableException extends ApiException {

    public EmbeddingUnavailableException(String message) {
        super(503, ErrorCodes.UNAVAILABLE, message);
    }
}
