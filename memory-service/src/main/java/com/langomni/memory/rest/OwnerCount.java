package com.langomni.memory.rest;

/** Body of {@code GET /api/memories/count}. */
public record OwnerCount(String owner, long count) {
}
