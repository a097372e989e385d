package com.langomni.memory.service;

/** No memory has the id asked for; mapped to 404 with an ErrorBody. */
public class MemoryNotFoundException extends RuntimeException {

    public MemoryNotFoundException(String id) {
        super("no memory " + id);
    }
}
