package com.langomni.world.client;

/** The model did not answer within a deadline; the stream was cancelled so the backend stops generating. */
public class LlmTimeoutException extends RuntimeException {
    public LlmTimeoutException(String message) {
        super(message, null, false, false);
    }
}
