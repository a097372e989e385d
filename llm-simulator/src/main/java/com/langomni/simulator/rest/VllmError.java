package com.langomni.simulator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * vLLM's error body: {@code {"object":"error","message":…,"type":"BadRequestError","param":null,"code":400}}.
 * (vLLM from 0.10 nests the same fields under {@code "error"}; OpenAI clients read both.)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VllmError(String object, String message, String type, String param, int code) {

    public static VllmError of(int status, String message) {
        return new VllmError("error", message, typeFor(status), null, status);
    }

    public static String typeFor(int status) {
        return switch (status) {
            case 400 -> "BadRequestError";
            case 404 -> "NotFoundError";
            case 413 -> "RequestEntityTooLarge";
            case 429 -> "RateLimitError";
            case 503 -> "ServiceUnavailableError";
            default -> status >= 500 ? "InternalServerError" : "BadRequestError";
        };
    }
}
