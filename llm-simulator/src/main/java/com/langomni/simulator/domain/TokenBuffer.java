package com.langomni.simulator.domain;

import java.util.Arrays;

/** A growable array of token ids, so prompts of thousands of tokens stay unboxed. */
public final class TokenBuffer {
    private long[] ids;
    private int size;

    public TokenBuffer(int capacity) {
        ids = new long[Math.max(16, capacity)];
    }

    public void add(long id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[size++] = id;
    }

    public int size() {
        return size;
    }

    public long[] toArray() {
        return Arrays.copyOf(ids, size);
    }
}
