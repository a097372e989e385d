package com.langomni.orchestrator.admin;

import java.util.List;

/** Body of {@code GET /api/admin/players}: the players matching the search (total) and one page of them. */
public record PlayerPage(long total, List<AdminPlayer> players) {
}
