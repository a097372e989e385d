package com.langomni.world.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdmissionQueueTest {

    @Test
    void admitsUpToTheLimitQueuesUpToTheCapAndRefusesBeyond() {
        AdmissionQueue q = new AdmissionQueue(2, 1);
        AdmissionQueue.Ticket a = q.enter().orElseThrow();
        AdmissionQueue.Ticket b = q.enter().orElseThrow();
        AdmissionQueue.Ticket c = q.enter().orElseThrow();
        assertTrue(a.admitted().isDone() && b.admitted().isDone());
        assertFalse(c.admitted().isDone());
        assertTrue(q.enter().isEmpty(), "queue full");
        assertEquals(2, q.running());
        assertEquals(1, q.queued());
    }

    @Test
    void aReleasedSlotPassesToTheFirstInLine() {
        AdmissionQueue q = new AdmissionQueue(1, 2);
        AdmissionQueue.Ticket a = q.enter().orElseThrow();
        AdmissionQueue.Ticket b = q.enter().orElseThrow();
        AdmissionQueue.Ticket c = q.enter().orElseThrow();
        a.release();
        assertTrue(b.admitted().isDone());
        assertFalse(c.admitted().isDone());
        assertEquals(1, q.running());
        assertEquals(1, q.queued());
    }

    @Test
    void leavingTheQueueFreesThePlaceAndReleasingTwiceCountsOnce() {
        AdmissionQueue q = new AdmissionQueue(1, 1);
        AdmissionQueue.Ticket a = q.enter().orElseThrow();
        AdmissionQueue.Ticket b = q.enter().orElseThrow();
        b.release(); // gave up while waiting
        assertEquals(0, q.queued());
        a.release();
        a.release();
        assertEquals(0, q.running());
        assertFalse(b.admitted().isDone(), "a ticket that left is never admitted");
        assertTrue(q.enter().orElseThrow().admitted().isDone());
        assertEquals(1, q.running());
    }

    @Test
    void aZeroQueueRefusesAsSoonAsTheSlotsAreTaken() {
        AdmissionQueue q = new AdmissionQueue(1, 0);
        q.enter().orElseThrow();
        assertTrue(q.enter().isEmpty());
    }
}
