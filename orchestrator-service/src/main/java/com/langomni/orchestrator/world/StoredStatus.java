package com.langomni.orchestrator.world;

import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.rules.world.ActiveEvent;
import com.langomni.orchestrator.game.rules.world.WorldStatus;
import java.time.Instant;

/**
 * The {@code world_status} row as read: who paused the world when, and the event last started (null kind: none).
 * A kind the pack no longer defines is no event.
 */
record StoredStatus(boolean paused, String pausedBy, Instant pausedAt, String eventKind, Instant eventStartedAt,
                    Instant eventEndsAt, String eventBy) {

    static final StoredStatus RUNNING = new StoredStatus(false, null, null, null, null, null, null);

    /** What the rules see. */
    WorldStatus toDomain(World world) {
        ActiveEvent event = world.event(eventKind)
                .filter(kind -> eventStartedAt != null && eventEndsAt != null)
                .map(kind -> new ActiveEvent(kind, eventStartedAt.toEpochMilli(), eventEndsAt.toEpochMilli()))
                .orElse(null);
        return new WorldStatus(paused, event);
    }
}
