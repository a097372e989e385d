package com.langomni.orchestrator.memory.client;

/** memory-service's answer to a count ({@code {"owner": .., "count": n}}); only the count matters. */
public record MemoryCount(long count) {
}
