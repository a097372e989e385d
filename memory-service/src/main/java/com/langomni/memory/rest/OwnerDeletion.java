package com.langomni.memory.rest;

/** Body of {@code DELETE /api/memories?owner=}. */
public record OwnerDeletion(String owner, long deleted) {
}
