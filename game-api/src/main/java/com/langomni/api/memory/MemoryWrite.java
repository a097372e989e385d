package com.langomni.api.memory;

/**
 * Body of memory-service {@code POST /api/memories}.
 *
 * @param ownerId    {@code npc:<id>} or {@code player:<id>}
 * @param kind       {@code observation}, {@code conversation} or {@code reflection}
 * @param importance 1 (mundane) to 10 (life-changing); null lets the service score it
 * @param createdAt  epoch millis; null means now
 */
public record MemoryWrite(String ownerId, String kind, String text, Integer importance, Long createdAt) {
}
