package com.langomni.gateway.client;

import jakarta.ws.rs.core.Response;

import com.langomni.api.protocol.ErrorBody;
import com.langomni.api.protocol.ErrorCodes;

/**
 * The orchestrator answered, with an HTTP error. It is alive, so this never counts against the circuit breaker;
 * transport failures (refused, reset, timeout) surface as other exceptions.
 */
public class OrchestratorRejection extends RuntimeException {

    private final int status;
    private final ErrorBody body;

    public OrchestratorRejection(int status, ErrorBody body) {
        super("orchestrator answered " + status + " " + body.code(), null, false, false);
        this.status = status;
        this.body = body;
    }

    static OrchestratorRejection of(Response response) {
        int status = response.getStatus();
        ErrorBody body = null;
        try {
            body = response.readEntity(ErrorBody.class);
        } catch (RuntimeException notAnErrorBody) {
            // A proxy page or an empty body: fall back to the status line below.
        }
        if (body == null || body.code() == null) {
            body = new ErrorBody(fallbackCode(status), response.getStatusInfo().getReasonPhrase());
        }
        return new OrchestratorRejection(status, body);
    }

    private static String fallbackCode(int status) {
        return switch (status) {
            case 400 -> ErrorCodes.BAD_REQUEST;
            case 401 -> ErrorCodes.UNAUTHORIZED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 413 -> ErrorCodes.TOO_LARGE;
            case 429 -> ErrorCodes.RATE_LIMITED;
            case 503 -> ErrorCodes.BUSY;
            default -> ErrorCodes.INTERNAL;
        };
    }

    public int status() {
        return status;
    }

    public ErrorBody body() {
        return body;
    }
}
