package com.langomni.support.error;

import com.langomni.api.protocol.ErrorCodes;

/**
 * A refusal with an HTTP status and an {@link ErrorCodes} code, answered as it is by {@link ErrorMappers}. A service
 * throws it directly ({@code ApiException.badRequest("...")}) or extends it for a refusal its code names.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    public ApiException(int status, String code, String message) {
        this(status, code, message, 0);
    }

    /** {@code retryAfterSeconds} > 0: the answer carries {@code Retry-After} with it (a 429 or a 503). */
    public ApiException(int status, String code, String message, long retryAfterSeconds) {
        super(message, null, false, false); // a refusal, not a bug: no stack trace to fill
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Seconds after which a retry may succeed, for the {@code Retry-After} header; 0 when unknown. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, ErrorCodes.BAD_REQUEST, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, ErrorCodes.UNAUTHORIZED, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, ErrorCodes.FORBIDDEN, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, ErrorCodes.NOT_FOUND, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, ErrorCodes.CONFLICT, message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(400, ErrorCodes.TOO_LARGE, message);
    }

    public static ApiException rateLimited(String message) {
        return new ApiException(429, ErrorCodes.RATE_LIMITED, message);
    }

    /** 429 with {@code Retry-After}: whole seconds, rounded up, at least 1. */
    public static ApiException rateLimited(String message, java.time.Duration retryAfter) {
        long millis = Math.max(1, retryAfter.toMillis());
        return new ApiException(429, ErrorCodes.RATE_LIMITED, message, (millis + 999) / 1000);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, ErrorCodes.UNAVAILABLE, message);
    }

    /** Refused at once because this replica is at capacity: nothing was applied, a retry later may succeed. */
    public static ApiException overloaded(String message) {
        return new ApiException(503, ErrorCodes.OVERLOADED, message);
    }

    /** Whether a failure is an {@link #overloaded} refusal (nothing applied). */
    public static boolean isOverloaded(Throwable failure) {
        return failure instanceof ApiException api && ErrorCodes.OVERLOADED.equals(api.code());
    }

    public static ApiException busy(String message) {
        return new ApiException(503, ErrorCodes.BUSY, message);
    }
}
