package com.langomni.orchestrator.narration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeltaCoalescerTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<String> sent = new ArrayList<>();

    private DeltaCoalescer coalescer(long intervalMs, int maxChars) {
        return new DeltaCoalescer(text -> {
            sent.add(text);
            return Uni.createFrom().voidItem();
        }, intervalMs, maxChars, nanos::get);
    }

    private void advanceMs(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }

    @Test
    void theFirstDeltaGoesAtOnceAndTheRestWaitForTheInterval() {
        DeltaCoalescer deltas = coalescer(50, 1000);

        deltas.accept("You ");
        deltas.accept("see ");
        advanceMs(20);
        deltas.accept("a ");
        advanceMs(30);
        deltas.accept("well");

        assertEquals(List.of("You ", "see a well"), sent);
    }

    @Test
    void aFullBufferGoesBeforeTheInterval() {
        DeltaCoalescer deltas = coalescer(50, 6);

        deltas.accept("ab");
        deltas.accept("cde");
        deltas.accept("fgh");
        deltas.accept("i");

        assertEquals(List.of("ab", "cdefgh"), sent);
    }

    @Test
    void closingSendsTheRestAndTakesNoMore() {
        DeltaCoalescer deltas = coalescer(50, 1000);
        deltas.accept("one ");
        deltas.accept("two ");

        deltas.close().await().indefinitely();
        deltas.accept("three");

        assertEquals(List.of("one ", "two "), sent);
        assertEquals(2, deltas.publishes());
    }

    @Test
    void emptyDeltasAreIgnored() {
        DeltaCoalescer deltas = coalescer(50, 1000);
        deltas.accept("");
        deltas.accept(null);

        deltas.close().await().indefinitely();

        assertEquals(List.of(), sent);
    }

    @Test
    void publishesLeaveInOrderAndCloseWaitsForTheLast() {
        List<UniEmitter<? super Void>> pending = new ArrayList<>();
        List<String> started = new ArrayList<>();
        DeltaCoalescer deltas = new DeltaCoalescer(text -> Uni.createFrom().emitter(emitter -> {
            started.add(text);
            pending.add(emitter);
        }), 0, 1000, nanos::get);

        deltas.accept("a");
        deltas.accept("b");
        AtomicBoolean closed = new AtomicBoolean();
        deltas.close().subscribe().with(ignored -> closed.set(true));

        assertEquals(List.of("a"), started, "the second publish waits for the first");
        pending.get(0).complete(null);
        assertEquals(List.of("a", "b"), started);
        assertFalse(closed.get(), "close waits for the last publish");
        pending.get(1).complete(null);
        assertTrue(closed.get());
    }

    @Test
    void aFailedPublishDoesNotStopTheOthers() {
        List<String> attempted = new ArrayList<>();
        DeltaCoalescer deltas = new DeltaCoalescer(text -> {
            attempted.add(text);
            return "a".equals(text) ? Uni.createFrom().failure(new IllegalStateException("redis")) : Uni.createFrom().voidItem();
        }, 0, 1000, nanos::get);

        deltas.accept("a");
        deltas.accept("b");
        deltas.close().await().indefinitely();

        assertEquals(List.of("a", "b"), attempted);
    }
}
