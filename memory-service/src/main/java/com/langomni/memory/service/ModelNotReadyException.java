package com.langomni.memory.service;

/** The embedding model is not loaded (yet); mapped to 503. */
public class ModelNotReadyException extends RuntimeException {

    public ModelNotReadyException() {
        super("the embedding model is not loaded yet");
    }
}
