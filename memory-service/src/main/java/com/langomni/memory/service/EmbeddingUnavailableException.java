package com.langomni.memory.service;

/** The remote embeddings server failed or answered wrongly; mapped to 503. */
public class EmbeddingUnavailableException extends RuntimeException {

    public EmbeddingUnavailableException(String message) {
        super(message);
    }
}
