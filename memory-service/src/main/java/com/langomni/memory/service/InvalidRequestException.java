package com.langomni.memory.service;

import com.langomni.support.error.ApiException;

/** A request the service refuses; answered 400 with an ErrorBody of {@code code}. */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(String code, String message) {
        super(400, code, message);
    }
}
