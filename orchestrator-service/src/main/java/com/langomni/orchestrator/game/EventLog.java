package com.langomni.orchestrator.game;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.words.OutcomeText;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Appends every action, applied or refused, to the event log, inside the action's transaction: its plain sentence
 * (what a repeat of the action is answered with) and its facts as on the wire (with their {@code kind}).
 */
@ApplicationScoped
public class EventLog {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final EventRepository events;
    private final ObjectMapper json;

    EventLog(EventRepository events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    public Uni<Void> append(String playerId, String locationId, String actionId, Intent intent, Outcome outcome,
                            Instant at) {
        EventEntity row = new EventEntity();
        row.ts = at;
        row.playerId = UUID.fromString(playerId);
        row.locationId = locationId;
        row.actionId = actionId;
        row.verb = outcome.verb().wire();
        row.text = intent.raw();
        row.success = outcome.success();
        row.message = OutcomeText.of(outcome.facts());
        row.facts = json.convertValue(outcome.facts(), JSON_OBJECT);
        return events.persist(row).replaceWithVoid();
    }
}
