package com.langomni.orchestrator.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import org.junit.jupiter.api.Test;

/** Full pools are "overloaded" (503), wherever in the cause chain they sit; other failures are not. */
class SaturationTest {

    @Test
    void fullPoolsAreSaturation() {
        assertTrue(Saturation.is(new ConnectionPoolTooBusyException("queue full")));
        assertTrue(Saturation.is(new RuntimeException(new VertxException("Timeout waiting for connection"))),
                "Hibernate Reactive's pool timing out is a full pool, not a 500");
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(Saturation.is(new VertxException("Connection refused")));
        assertFalse(Saturation.is(new IllegalStateException("Timeout waiting for connection")));
        assertFalse(Saturation.is(null));
    }
}
