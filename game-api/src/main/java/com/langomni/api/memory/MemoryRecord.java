package com.langomni.api.memory;

/** A stored memory; times are epoch millis. */
public record MemoryRecord(String id, String ownerId, String kind, String text, int importance, long createdAt,
                           long lastAccessAt) {
}
