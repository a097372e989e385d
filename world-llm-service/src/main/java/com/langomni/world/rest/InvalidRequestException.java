package com.langomni.world.rest;

/** A request the service cannot act on; answered with 400 {@code bad_request} and this message. */
public class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
