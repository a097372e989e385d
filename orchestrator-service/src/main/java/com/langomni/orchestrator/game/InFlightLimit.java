package com.langomni.orchestrator.game;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import com.langomni.support.error.ApiException;

/**
 * A cap on how many of one kind of request a replica works on at once. Past it the request is refused at once
 * with {@code overloaded} (503): under overload the platform answers quickly instead of queueing until every
 * deadline expires, and it is idle again as soon as the crowd backs off.
 */
public final class InFlightLimit {

    private final String what;
    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InFlightLimit(String what, int max) {
        if (max < 1) {
            throw new IllegalArgumentException(what + ": the limit must be at least 1, not " + max);
        }
        this.what = what;
        this.max = max;
    }

    /**
     * Runs {@code work} inside the limit, or fails with {@code overloaded} without running it. The slot is given
     * back however the work ends: item, failure or cancellation.
     */
    public <T> Uni<T> run(Supplier<Uni<? extends T>> work) {
        return run(leave -> work.get());
    }

    /**
     * As {@link #run(Supplier)}, and {@code work} may give its slot back early by running the {@link Runnable}
     * it is handed (at most once counts): an action leaves when its state work is done and only narration,
     * which has its own limits, is left.
     */
    public <T> Uni<T> run(Function<Runnable, Uni<? extends T>> work) {
        return Uni.createFrom().deferred(() -> {
            if (inFlight.incrementAndGet() > max) {
                inFlight.decrementAndGet();
                return Uni.createFrom().failure(ApiException.overloaded(
                        "the server is at capacity (" + what + "); try again in a moment"));
            }
            AtomicBoolean held = new AtomicBoolean(true);
            Runnable leave = () -> {
                if (held.compareAndSet(true, false)) {
                    inFlight.decrementAndGet();
                }
            };
            return Uni.createFrom().<T>deferred(() -> work.apply(leave)).onTermination().invoke(leave);
        });
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int max() {
        return max;
    }
}
