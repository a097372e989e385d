package com.langomni.orchestrator.world;

import java.time.Instant;
import java.util.List;

/**
 * The world as the admin panel shows it: the game clock, whether it is paused, the event under way, the kinds of
 * event an admin can start, and the latest admin world actions.
 *
 * @param event null when none is under way
 */
public record WorldView(long day, String time, boolean night, boolean paused, String pausedBy, Instant pausedAt,
                        Event event, List<EventKind> kinds, List<WorldAuditEntry> audit) {

    /** The event under way. */
    public record Event(String kind, String name, String ambience, Instant startedAt, Instant endsAt, String by) {
    }

    /** A kind of event the pack defines; {@code blocks}: the exits it closes, as {@code location/direction}. */
    public record EventKind(String id, String name, String announcement, int durationSeconds, List<String> blocks) {
    }

    /** Body of {@code PUT /api/admin/world/pause}. */
    public record PauseRequest(Boolean paused, String reason) {
    }

    /** Body of {@code POST /api/admin/world/events}: {@code durationSeconds} null for the kind's own. */
    public record EventRequest(String kind, Integer durationSeconds) {
    }
}
