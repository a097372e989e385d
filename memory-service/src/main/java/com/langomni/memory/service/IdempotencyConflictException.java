package com.langomni.memory.service;

/** An idempotency key already stored with a different memory; mapped to 409 with an ErrorBody. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String key) {
        super("idempotency key " + key + " was already used for a different memory");
    }
}
