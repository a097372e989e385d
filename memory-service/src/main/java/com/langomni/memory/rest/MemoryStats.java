package com.langomni.memory.rest;

/** Body of {@code GET /api/memories/stats}. */
public record MemoryStats(long memories, long owners, String store, int dimension) {
}
