package com.langomni.simulator.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last prompts the simulator received and what it answered, oldest first, for tests that must see what a
 * service told the model (e.g. that a player's words reach a prompt only inside its untrusted-data fence). Bounded:
 * beyond {@code capacity} the oldest entries are dropped and counted. Thread-safe.
 */
public final class PromptLog {

    /** One chat message as received. */
    public record Message(String role, String content) {
    }

    /**
     * @param seq      1 for the first prompt received since start, never reused (clearing keeps counting)
     * @param kind     {@code chat} or {@code completion}
     * @param messages the chat messages; a completion's prompt is one {@code prompt} message
     * @param output   the generated text, null until the sequence finished (or if it never did)
     */
    public record Entry(long seq, String kind, List<Message> messages, String output) {
    }

    /** The entries after a sequence number, and how many were dropped for room since start. */
    public record Page(List<Entry> entries, long dropped, long lastSeq) {
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long seq;
    private long dropped;

    public PromptLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records a prompt; returns its sequence number, for {@link #answered}. */
    public synchronized long received(String kind, List<Message> messages) {
        if (entries.size() == capacity) {
            entries.removeFirst();
            dropped++;
        }
        Entry e = new Entry(++seq, kind, List.copyOf(messages), null);
        entries.addLast(e);
        return e.seq();
    }

    /** Sets the output of an entry still held; a dropped one is ignored. */
    public synchronized void answered(long entrySeq, String output) {
        List<Entry> copy = new ArrayList<>(entries);
        for (int i = copy.size() - 1; i >= 0; i--) {
            Entry e = copy.get(i);
            if (e.seq() == entrySeq) {
                copy.set(i, new Entry(e.seq(), e.kind(), e.messages(), output));
                entries.clear();
                entries.addAll(copy);
                return;
            }
        }
    }

    public synchronized Page after(long afterSeq) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.seq() > afterSeq) {
                out.add(e);
            }
        }
        return new Page(out, dropped, seq);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
