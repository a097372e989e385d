package com.langomni.api.memory;

/** Body of memory-service {@code POST /api/memories/search}: the best {@code limit} memories of one owner. */
public record MemorySearch(String ownerId, String query, Integer limit) {
}
