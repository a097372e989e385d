package com.langomni.gateway.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

import com.langomni.api.game.ActionRequest;

import io.smallrye.mutiny.Uni;

/**
 * One socket's actions, forwarded one at a time in arrival order. The orchestrator serialises a player's actions
 * too, but only per player and only once they reach it; keeping one in flight per socket here preserves the order
 * the player typed and bounds what a client can pile up.
 */
public final class ActionQueue {

    private final int capacity;
    private final Function<ActionRequest, Uni<Void>> forwarder;
    private final Deque<ActionRequest> waiting = new ArrayDeque<>();
    private boolean inFlight;
    private boolean closed;
    private boolean accepting = true;
    private Runnable whenDrained;

    /**
     * @param capacity  actions waiting or in flight at most
     * @param forwarder sends one action and reports its outcome to the player itself; its Uni completes when the
     *                  next action may go
     */
    public ActionQueue(int capacity, Function<ActionRequest, Uni<Void>> forwarder) {
        this.capacity = capacity;
        this.forwarder = forwarder;
    }

    /** @return false when the queue is full: the client sends faster than the game answers */
    public boolean offer(ActionRequest action) {
        synchronized (this) {
            if (closed || !accepting) {
                return true;
            }
            if (pending() >= capacity) {
                return false;
            }
            if (inFlight) {
                waiting.add(action);
                return true;
            }
            inFlight = true;
        }
        forward(action);
        return true;
    }

    /** Drops what is waiting; the action in flight finishes but nothing follows it. */
    public synchronized void close() {
        closed = true;
        waiting.clear();
    }

    /**
     * Takes no more actions (they are ignored); {@code then} runs once every action already taken has been
     * forwarded and answered (at once when none is left).
     */
    public void drain(Runnable then) {
        boolean idle;
        synchronized (this) {
            accepting = false;
            idle = !inFlight;
            if (!idle) {
                whenDrained = then;
            }
        }
        if (idle) {
            then.run();
        }
    }

    public synchronized int pending() {
        return waiting.size() + (inFlight ? 1 : 0);
    }

    private void forward(ActionRequest action) {
        Uni.createFrom().deferred(() -> forwarder.apply(action))
                .subscribe().with(done -> next(), failure -> next());
    }

    private void next() {
        ActionRequest action;
        Runnable drained = null;
        synchronized (this) {
            action = closed ? null : waiting.poll();
            if (action == null) {
                inFlight = false;
                drained = whenDrained;
                whenDrained = null;
            }
        }
        if (action != null) {
            forward(action);
        } else if (drained != null) {
            drained.run();
        }
    }
}
