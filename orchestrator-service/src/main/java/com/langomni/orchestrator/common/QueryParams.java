package com.langomni.orchestrator.common;

import com.langomni.support.error.ApiException;

/** Whole-number query parameters read by hand, so a non-number is a 400 with an ErrorBody rather than JAX-RS' 404. */
public final class QueryParams {

    private QueryParams() {
    }

    public static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number");
        }
    }
}
