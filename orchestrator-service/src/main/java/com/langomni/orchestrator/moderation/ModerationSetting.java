package com.langomni.orchestrator.moderation;

/** Body of {@code GET/PUT /api/admin/moderation/settings}: the world's mode, off, words or endpoint. */
public record ModerationSetting(String mode) {
}
