package com.langomni.orchestrator.moderation;

import java.util.List;

/** Body of {@code GET /api/admin/moderation}: how many flags there are, and one page of them, newest first. */
public record FlagPage(long total, List<ModerationFlag> flags) {
}
