package com.langomni.orchestrator.rest;

/** Body of {@code POST /api/admin/players/{id}/move}. */
public record MoveRequest(String locationId) {
}
