package com.langomni.memory.repository;

/**
 * A memory as the store keeps it: the record fields plus its unit-length embedding. Immutable; an access
 * produces a copy with a new {@code lastAccessAt}.
 */
public record StoredMemory(String id, String ownerId, String kind, String text, int importance, long createdAt,
                           long lastAccessAt, float[] vector) {

    public StoredMemory accessedAt(long at) {
        return at <= lastAccessAt ? this
                : new StoredMemory(id, ownerId, kind, text, importance, createdAt, at, vector);
    }
}
