package com.langomni.orchestrator.common;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;

/**
 * Failures that mean "a pool is full", not "a store is down": a client pool's wait queue is full or a connection
 * could not be had in time. They are answered with {@code overloaded} (retry in a moment), never with a fallback
 * that would move the same crowd onto another store.
 */
public final class Saturation {

    private Saturation() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Vert.x pools (Redis, SQL, HTTP): wait queue full; SQL pool: no connection within its timeout.
            // Hibernate Reactive's pool: "Timeout waiting for connection" (a VertxException)
            if (t instanceof ConnectionPoolTooBusyException
                    || (t instanceof NoStackTraceThrowable && "Timeout".equals(t.getMessage()))
                    || (t instanceof VertxException && "Timeout waiting for connection".equals(t.getMessage()))) {
                return true;
            }
        }
        return false;
    }
}
