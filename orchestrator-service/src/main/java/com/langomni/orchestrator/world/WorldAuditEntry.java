package com.langomni.orchestrator.world;

import java.time.Instant;

/** One admin world action: {@code action} pause, resume, event (detail: its kind) or end. */
public record WorldAuditEntry(Instant ts, String action, String detail, String by) {
}
