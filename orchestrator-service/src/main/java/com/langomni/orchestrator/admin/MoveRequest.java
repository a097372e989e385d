package com.langomni.orchestrator.admin;

/** Body of {@code POST /api/admin/players/{id}/move}. */
public record MoveRequest(String locationId) {
}
