package com.langomni.memory.rest;

/** Body of {@code DELETE /api/memories?subject=}. */
public record SubjectDeletion(String subject, long deleted) {
}
