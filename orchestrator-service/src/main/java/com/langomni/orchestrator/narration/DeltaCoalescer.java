package com.langomni.orchestrator.narration;

import io.smallrye.mutiny.Uni;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Turns a stream of token deltas into a handful of publishes: the first delta goes at once (time to first word is
 * what players feel), later ones are buffered until {@code interval} has passed since the last publish or
 * {@code maxChars} are waiting. Publishes are chained, so they leave in order, and {@link #close()} completes when
 * the last one is done: the caller publishes the result only then.
 * <p>
 * Deltas arrive on the HTTP client's event loop while a deadline may close the coalescer from a timer thread,
 * hence the locking.
 */
final class DeltaCoalescer {

    private final Function<String, Uni<Void>> send;
    private final long intervalNanos;
    private final int maxChars;
    private final LongSupplier nanoClock;
    private final StringBuilder buffer = new StringBuilder();
    private Uni<Void> sent = Uni.createFrom().voidItem();
    private long lastFlush;
    private boolean flushed;
    private boolean closed;
    private int publishes;

    DeltaCoalescer(Function<String, Uni<Void>> send, long intervalMillis, int maxChars, LongSupplier nanoClock) {
        this.send = send;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.maxChars = Math.max(1, maxChars);
        this.nanoClock = nanoClock;
    }

    synchronized void accept(String delta) {
        if (closed || delta == null || delta.isEmpty()) {
            return;
        }
        buffer.append(delta);
        long now = nanoClock.getAsLong();
        if (!flushed || buffer.length() >= maxChars || now - lastFlush >= intervalNanos) {
            flush(now);
        }
    }

    /** Publishes what is still buffered and takes no more deltas; completes once every publish is done. */
    synchronized Uni<Void> close() {
        if (!closed) {
            closed = true;
            flush(nanoClock.getAsLong());
        }
        return sent;
    }

    synchronized int publishes() {
        return publishes;
    }

    private void flush(long now) {
        if (buffer.isEmpty()) {
            return;
        }
        String text = buffer.toString();
        buffer.setLength(0);
        lastFlush = now;
        flushed = true;
        publishes++;
        sent = sent.chain(() -> send.apply(text).onFailure().recoverWithNull()).memoize().indefinitely();
        sent.subscribe().with(ignored -> { }, ignored -> { });
    }
}
