package com.langomni.memory.repository;

/** The store cannot serve now (not open yet, closed, or failed on I/O). */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message) {
        super(message);
    }
}
