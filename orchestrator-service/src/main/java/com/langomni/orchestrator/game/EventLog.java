package com.langomni.orchestrator.game;

import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.Outcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;

/** Appends every action, applied or refused, to the event log, inside the action's transaction. */
@ApplicationScoped
public class EventLog {

    private final EventRepository events;

    EventLog(EventRepository events) {
        this.events = events;
    }

    public Uni<Void> append(String playerId, String locationId, String actionId, Intent intent, Outcome outcome,
                            Instant at) {
        EventEntity row = new EventEntity();
        row.ts = at;
        row.playerId = UUID.fromString(playerId);
        row.locationId = locationId;
        row.actionId = actionId;
        row.verb = outcome.verb().name().toLowerCase(java.util.Locale.ROOT);
        row.text = intent.raw();
        row.success = outcome.success();
        row.message = outcome.message();
        row.facts = new HashMap<>(outcome.facts());
        return events.persist(row).replaceWithVoid();
    }
}
