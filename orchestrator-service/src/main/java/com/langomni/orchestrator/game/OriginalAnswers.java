package com.langomni.orchestrator.game;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.game.ActionResult;
import com.langomni.api.protocol.ResultFrame;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import com.langomni.orchestrator.narration.Narration;
import com.langomni.orchestrator.session.Outbox;
import com.langomni.orchestrator.session.Publisher;

/**
 * The answer to an action id that was applied before: the original result frame while the player's outbox still
 * holds it, else the rules' text the event log kept for it with the state as it is now. Either way it goes to the
 * player again (a new outbox entry), so a client that retried because it never saw the answer gets it.
 */
@ApplicationScoped
public class OriginalAnswers {

    private final Outbox outbox;
    private final Publisher publisher;
    private final EventRepository events;
    private final ViewService views;
    private final ObjectMapper json;

    OriginalAnswers(Outbox outbox, Publisher publisher, EventRepository events, ViewService views, ObjectMapper json) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.events = events;
        this.views = views;
        this.json = json;
    }

    Uni<Answer> answer(String playerId, String actionId) {
        return outbox.findResult(playerId, actionId).chain(kept -> kept.isPresent()
                ? resend(playerId, actionId, read(kept.get()), kept.get())
                : fromEventLog(playerId, actionId));
    }

    private Uni<Answer> fromEventLog(String playerId, String actionId) {
        return Panache.withSession(() -> events.byAction(UUID.fromString(playerId), actionId))
                .chain(event -> views.player(playerId).chain(player -> views.location(player.locationId())
                        .map(location -> new ActionResult(actionId, text(event), Narration.SOURCE_RULES, player,
                                location))))
                .chain(result -> resend(playerId, actionId, result, publisher.write(ResultFrame.of(result))));
    }

    private Uni<Answer> resend(String playerId, String actionId, ActionResult result, String frameJson) {
        return publisher.answer(playerId, actionId, frameJson,
                        result.player() == null ? null : result.player().locationId())
                .map(ack -> new Answer(result, ack));
    }

    /** Claimed but not logged cannot happen (one transaction); should an old log lack it, say so plainly. */
    private static String text(EventEntity event) {
        return event != null ? event.message : "That action was already done.";
    }

    private ActionResult read(String frameJson) {
        try {
            ResultFrame frame = json.readValue(frameJson, ResultFrame.class);
            return new ActionResult(frame.actionId(), frame.text(), frame.source(), frame.player(), frame.location());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox result is not a result frame", e);
        }
    }
}
