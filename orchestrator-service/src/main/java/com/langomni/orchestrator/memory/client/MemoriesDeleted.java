package com.langomni.orchestrator.memory.client;

/** memory-service's answer to a delete ({@code {"owner"|"subject": .., "deleted": n}}); only the count matters. */
public record MemoriesDeleted(long deleted) {
}
