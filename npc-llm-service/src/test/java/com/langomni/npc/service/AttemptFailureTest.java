package com.langomni.npc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class AttemptFailureTest {

    @Test
    void serverErrorsAndBrokenConnectionsCountAgainstTheReplicaAndAreRetried() {
        for (Throwable t : new Throwable[] {new WebApplicationException(500), new WebApplicationException(503),
                new ProcessingException(new ConnectException("Connection refused"))}) {
            AttemptFailure f = AttemptFailure.of(t);
            assertEquals("error", f.outcome(), t.toString());
            assertTrue(f.replicaFault() && f.retriable(), t.toString());
        }
    }

    @Test
    void aBusyReplicaIsLeftForAnotherWithoutCountingAgainstIt() {
        AttemptFailure f = AttemptFailure.of(new WebApplicationException(429));
        assertEquals("busy", f.outcome());
        assertTrue(f.retriable());
        assertFalse(f.replicaFault());
    }

    @Test
    void aRefusedRequestIsNotRetriedAnywhere() {
        // e.g. 400 over max-model-len, 404 unknown model: every replica would say the same
        for (int status : new int[] {400, 404, 413}) {
            AttemptFailure f = AttemptFailure.of(new WebApplicationException(status));
            assertEquals("rejected", f.outcome());
            assertFalse(f.retriable() || f.replicaFault());
        }
    }

    @Test
    void timeoutsAndCutStreamsAreTheReplicasFaults() {
        assertEquals("timeout", AttemptFailure.timeout(1200).outcome());
        assertTrue(AttemptFailure.timeout(1200).replicaFault());
        AttemptFailure broken = AttemptFailure.broken();
        assertEquals("broken", broken.outcome());
        assertSame(broken, AttemptFailure.of(broken));
    }
}
