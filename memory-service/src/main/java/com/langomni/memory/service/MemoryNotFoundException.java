package com.langomni.memory.service;

import com.langomni.api.protocol.ErrorCodes;
import com.langomni.support.error.ApiException;

/** No memory has the id asked for; mapped to 404 with an ErrorBody. */
public class MemoryNotFoundException extends ApiException {

    public MemoryNotFoundException(String id) {
        super(404, ErrorCodes.NOT_FOUND, "no memory " + id);
    }
}
