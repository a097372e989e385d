package com.langomni.orchestrator.memory;

/**
 * A memory write given up on, as the admin panel lists it.
 *
 * @param id        its entry id in the dead-letter stream (what replay and delete take)
 * @param kind      the write's kind, null when the entry was not a readable memory write
 * @param ownerId   the write's owner ({@code npc:<id>} or {@code player:<id>}), null likewise
 * @param attempts  deliveries that failed while memory-service was ready (a rejection counts one)
 * @param lastError what the last one got
 * @param failedAt  when it was given up on, ISO-8601
 * @param summary   the start of the memory's text (or of the raw entry when it was not a memory write)
 */
public record MemoryDeadLetter(String id, String kind, String ownerId, int attempts, String lastError,
                               String failedAt, String summary) {
}
