package com.langomni.memory.rest;

import java.util.Map;

/**
 * Body of {@code GET /api/memories/stats}: totals, memories per kind, the store ({@code embedded} or
 * {@code qdrant}) and the embedding size. {@code owners} is -1 when the store cannot count them.
 */
public record MemoryStats(long memories, long owners, Map<String, Long> kinds, String store, int dimension) {
}
