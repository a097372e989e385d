package com.langomni.world.service;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * At most {@code maxConcurrent} streams on the backend, at most {@code maxQueued} waiting behind them, first come
 * first served; beyond that a request is refused at once so the rules can answer it without waiting.
 * <p>
 * Why not SmallRye's {@code @Bulkhead}: it bounds the call that <i>creates</i> a stream, not the stream's life,
 * and cannot be told to release a slot when a player's stream is cancelled. Here the owner of a stream holds a
 * {@link Ticket} until the stream ends, whatever way it ends, and {@link Ticket#release()} is idempotent.
 */
public final class AdmissionQueue {
    private final int maxConcurrent;
    private final int maxQueued;
    private final ArrayDeque<Ticket> queue = new ArrayDeque<>();
    private int running;

    public AdmissionQueue(int maxConcurrent, int maxQueued) {
        if (maxConcurrent < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("max-concurrent must be >= 1 and max-queued >= 0");
        }
        this.maxConcurrent = maxConcurrent;
        this.maxQueued = maxQueued;
    }

    /** A ticket, admitted at once or queued; empty when the queue is full. */
    public Optional<Ticket> enter() {
        Ticket ticket = new Ticket();
        synchronized (this) {
            if (running < maxConcurrent) {
                running++;
                ticket.state = State.ADMITTED;
            } else if (queue.size() < maxQueued) {
                queue.addLast(ticket);
            } else {
                return Optional.empty();
            }
        }
        if (ticket.state == State.ADMITTED) {
            ticket.admitted.complete(null);
        }
        return Optional.of(ticket);
    }

    public synchronized int running() {
        return running;
    }

    public synchronized int queued() {
        return queue.size();
    }

    private void release(Ticket ticket) {
        Ticket next;
        synchronized (this) {
            State was = ticket.state;
            ticket.state = State.RELEASED;
            if (was == State.QUEUED) {
                queue.remove(ticket);
                return;
            }
            if (was != State.ADMITTED) {
                return;
            }
            next = queue.pollFirst();
            if (next == null) {
                running--;
                return;
            }
            next.state = State.ADMITTED; // the slot passes straight on
        }
        next.admitted.complete(null);
    }

    private enum State { QUEUED, ADMITTED, RELEASED }

    /** A place in the queue or a slot; released exactly once, however the stream ends. */
    public final class Ticket {
        private final CompletableFuture<Void> admitted = new CompletableFuture<>();
        private State state = State.QUEUED;

        private Ticket() {
        }

        /** Completes when the ticket gets a slot. */
        public CompletableFuture<Void> admitted() {
            return admitted;
        }

        /** Gives the slot (or the place in the queue) back; later calls do nothing. */
        public void release() {
            AdmissionQueue.this.release(this);
        }
    }
}
