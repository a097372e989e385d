package com.langomni.memory.service;

import com.langomni.api.protocol.ErrorCodes;
import com.langomni.support.error.ApiException;

/** An idempotency key already stored with a different memory; mapped to 409 with an ErrorBody. */
public class IdempotencyConflictException extends ApiException {

    public IdempotencyConflictException(String key) {
        super(409, ErrorCodes.CONFLICT, "idempotency key " + key + " was already used for a different memory");
    }
}
