package com.langomni.memory.repository;

import com.langomni.api.protocol.ErrorCodes;
import com.langomni.support.error.ApiException;

/** The store cannot serve now (not open yet, closed, or failed on I/O); answered 503 {@code unavailable}. */
public class StoreUnavailableException extends ApiException {

    public StoreUnavailableException(String message) {
        super(503, ErrorCodes.UNAVAILABLE, message);
    }
}
