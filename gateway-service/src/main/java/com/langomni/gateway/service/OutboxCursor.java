package com.langomni.gateway.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.langomni.api.game.OutboxFrame;
import com.langomni.api.protocol.Sequenced;

/**
 * Where one socket stands in its player's outbox: it sends sequenced frames strictly in order, each once. A frame
 * that arrives while the socket is not yet welcomed, or while a gap is being filled from the outbox, is held; a
 * frame beyond the next expected one means something was missed (pub/sub keeps nothing), so the cursor holds it and
 * asks for a catch-up. Thread-safe: fan-out and the orchestrator's answers call it from different threads, and a
 * frame is written while the lock is held so the socket sees them in sequence order.
 */
public final class OutboxCursor {

    /** Frames held at most while not live; beyond it the newest are dropped (a catch-up fetches them again). */
    static final int MAX_HELD = 1024;

    private final Consumer<String> send;
    private final TreeMap<Long, String> held = new TreeMap<>();
    private long delivered = -1;
    /** The highest seq seen, held or sent: frames dropped from a full hold are still known to exist. */
    private long highestSeen = -1;
    private boolean started;
    private boolean live;
    private boolean fetching;

    /** @param send writes one frame (JSON text) to the socket */
    public OutboxCursor(Consumer<String> send) {
        this.send = send;
    }

    /**
     * Sends the welcome, then the replayed frames after {@code from} (the client's last seq on a resume, else the
     * welcome's), then what was held meanwhile.
     *
     * @return true when a gap remains (held frames beyond what could be sent): a catch-up is needed
     */
    public synchronized boolean start(String welcomeJson, long from, List<OutboxFrame> replay) {
        send.accept(welcomeJson);
        delivered = from;
        started = true;
        return apply(replay);
    }

    /**
     * A sequenced frame from fan-out.
     *
     * @return true when it revealed a gap: the caller asks for a catch-up ({@link #beginCatchUp})
     */
    public synchronized boolean offer(long seq, String frame) {
        if (started && seq <= delivered) {
            return false; // already sent: a replay and a live copy of one frame
        }
        if (!live) {
            hold(seq, frame);
            return false;
        }
        if (seq == delivered + 1) {
            write(seq, frame);
            return false;
        }
        hold(seq, frame);
        live = false;
        return true;
    }

    /** Marks a catch-up as running; false when one already is, or before the welcome (it brings its own replay). */
    public synchronized boolean beginCatchUp() {
        if (!started || fetching) {
            return false;
        }
        fetching = true;
        live = false;
        return true;
    }

    /**
     * The frames a catch-up fetched, in order; then what was held.
     *
     * @return true when a gap remains: another catch-up is needed
     */
    public synchronized boolean catchUp(List<OutboxFrame> frames) {
        fetching = false;
        return apply(frames);
    }

    /** A catch-up that failed: frames keep being held until the next one. */
    public synchronized void catchUpFailed() {
        fetching = false;
    }

    /** Whether frame {@code seq} exists but was not sent yet. */
    public synchronized boolean isBehind(long seq) {
        return started && delivered < seq;
    }

    public synchronized long delivered() {
        return delivered;
    }

    public synchronized boolean isLive() {
        return live;
    }

    private boolean apply(List<OutboxFrame> frames) {
        for (OutboxFrame frame : frames) {
            if (frame.seq() == delivered + 1) {
                write(frame.seq(), frame.frame());
            } else if (frame.seq() > delivered) {
                hold(frame.seq(), frame.frame());
            }
        }
        held.headMap(delivered, true).clear();
        while (!held.isEmpty() && held.firstKey() == delivered + 1) {
            Map.Entry<Long, String> next = held.pollFirstEntry();
            write(next.getKey(), next.getValue());
        }
        live = held.isEmpty() && highestSeen <= delivered;
        return !live;
    }

    private void hold(long seq, String frame) {
        highestSeen = Math.max(highestSeen, seq);
        if (held.size() < MAX_HELD || seq < held.lastKey()) {
            held.put(seq, frame);
            if (held.size() > MAX_HELD) {
                held.pollLastEntry();
            }
        }
    }

    private void write(long seq, String frame) {
        send.accept(Sequenced.withSeq(frame, seq));
        delivered = seq;
    }
}
