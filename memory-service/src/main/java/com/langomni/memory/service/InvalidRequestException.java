package com.langomni.memory.service;

/** A request the service refuses; mapped to 400 with an ErrorBody of {@code code}. */
public class InvalidRequestException extends RuntimeException {

    private final String code;

    public InvalidRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
