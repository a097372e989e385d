package com.langomni.npc.service;

import jakarta.ws.rs.WebApplicationException;

/**
 * Why one attempt on one replica failed, and what that means: whether it speaks against the replica's health
 * (counts towards ejection) and whether another replica may be tried.
 */
final class AttemptFailure extends RuntimeException {
    private final String outcome;
    private final boolean replicaFault;
    private final boolean retriable;

    private AttemptFailure(String outcome, boolean replicaFault, boolean retriable, String message, Throwable cause) {
        super(message, cause, false, false);
        this.outcome = outcome;
        this.replicaFault = replicaFault;
        this.retriable = retriable;
    }

    static AttemptFailure timeout(long millis) {
        return new AttemptFailure("timeout", true, true, "no token for " + millis + " ms", null);
    }

    static AttemptFailure broken() {
        return new AttemptFailure("broken", true, true, "stream ended before the answer did", null);
    }

    /** Anything else the client threw: an HTTP status, a refused connection, a dropped stream. */
    static AttemptFailure of(Throwable t) {
        if (t instanceof AttemptFailure f) {
            return f;
        }
        if (t instanceof WebApplicationException w && w.getResponse() != null) {
            int status = w.getResponse().getStatus();
            if (status == 429) {
                // busy, not broken: try elsewhere without counting it against the replica
                return new AttemptFailure("busy", false, true, "replica answered 429", t);
            }
            if (status >= 400 && status < 500) {
                // our request was refused (e.g. over max-model-len): another replica would refuse it too
                return new AttemptFailure("rejected", false, false, "replica answered " + status, t);
            }
            return new AttemptFailure("error", true, true, "replica answered " + status, t);
        }
        String message = t.getMessage();
        return new AttemptFailure("error", true, true,
                t.getClass().getSimpleName() + (message == null ? "" : ": " + message), t);
    }

    /** Metric tag: timeout, broken, busy, rejected or error. */
    String outcome() {
        return outcome;
    }

    boolean replicaFault() {
        return replicaFault;
    }

    boolean retriable() {
        return retriable;
    }
}
