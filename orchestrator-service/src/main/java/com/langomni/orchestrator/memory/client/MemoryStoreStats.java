package com.langomni.orchestrator.memory.client;

/**
 * What the admin panel shows of memory-service's {@code GET /api/memories/stats}.
 *
 * @param store {@code embedded} or {@code qdrant}
 */
public record MemoryStoreStats(long memories, String store) {
}
