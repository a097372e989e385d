package com.langomni.orchestrator.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.bus.Channels;
import com.langomni.api.bus.Control;
import com.langomni.api.bus.PlayerMessage;
import com.langomni.api.bus.RoomEvent;
import com.langomni.api.game.ActionAck;
import com.langomni.api.game.ActionResult;
import com.langomni.api.protocol.EventFrame;
import com.langomni.api.protocol.NarrationFrame;
import com.langomni.api.protocol.ResultFrame;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Everything the gateways deliver. An action's answer, result or refusal, goes out one way ({@link #answer}); it,
 * other results and room events go through each recipient's {@link Outbox} (sequenced, kept for resume) and are
 * published in the same Redis script; streamed narration deltas and controls ({@link Control}) are plain pub/sub
 * (a delta lost is replaced by its result). The state is committed before anything is published.
 */
@ApplicationScoped
public class Publisher {

    private final Outbox outbox;
    private final ReactivePubSubCommands<String> pubsub;
    private final ObjectMapper json;

    Publisher(ReactiveRedisDataSource redis, Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.pubsub = redis.pubsub(String.class);
        this.json = json;
    }

    /**
     * A {@code result} frame the player did not ask for (an admin's change), tagged with the player's location.
     *
     * @return the frame's outbox sequence number; fails when Redis could not take it
     */
    public Uni<Long> result(String playerId, ActionResult result) {
        return frame(playerId, write(ResultFrame.of(result)), result.actionId(), result.player().locationId());
    }

    /**
     * The answer to one of the player's actions, its result or its refusal: the one way either reaches the player,
     * through the outbox like every frame. The acknowledgement names its seq; when Redis cannot take it the answer
     * is not lost, the acknowledgement carries the frame itself for the gateway to deliver.
     *
     * @param locationId where the player is after the action (a result), null for a refusal
     */
    public Uni<ActionAck> answer(String playerId, String actionId, String frameJson, String locationId) {
        return frame(playerId, frameJson, actionId, locationId)
                .map(seq -> new ActionAck(actionId, seq, null))
                .onFailure().recoverWithItem(() -> new ActionAck(actionId, null, frameJson));
    }

    /** Appends a frame (JSON) to the player's outbox and publishes it; its seq, or a failure. */
    private Uni<Long> frame(String playerId, String frameJson, String actionId, String locationId) {
        String channel = Channels.player(playerId);
        return outbox.append(playerId, frameJson, actionId, channel, write(PlayerMessage.frame(frameJson, locationId)))
                .onFailure().invoke(failure -> Log.warnf("Outbox of %s not written: %s", playerId, failure.toString()));
    }

    /**
     * A frame for one player wherever they are (an offer made to them, party chat), through their outbox like
     * every frame. A failure is logged: what it reports is committed already.
     */
    public Uni<Void> event(String playerId, EventFrame event) {
        return frame(playerId, write(event), null, null).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** A piece of streamed narration; the action's result frame follows it on the same channel. */
    public Uni<Void> narration(String playerId, String locationId, String actionId, String delta) {
        PlayerMessage message = PlayerMessage.frame(write(NarrationFrame.of(actionId, delta)), locationId);
        return publish(Channels.player(playerId), message);
    }

    /**
     * Tells gateways at once that the player is now in {@code locationId}, ahead of the room events and of the
     * result (which waits for narration).
     */
    public Uni<Void> moved(String playerId, String locationId) {
        return publish(Channels.player(playerId), PlayerMessage.control(Control.MOVED, locationId, null));
    }

    /** Tells gateways to close the player's sockets (close code 4409); their usual close path marks them offline. */
    public Uni<Void> kick(String playerId, String reason) {
        return publish(Channels.player(playerId), PlayerMessage.control(Control.KICK, null, reason));
    }

    /**
     * An event for everyone online in {@code locationId} but {@code excludePlayerId}, through each one's outbox,
     * and a line of the room's history. A failure is logged: the action it reports is committed already.
     */
    public Uni<Void> roomEvent(String locationId, String excludePlayerId, EventFrame event) {
        String channel = Channels.location(locationId);
        return outbox.appendToRoom(locationId, excludePlayerId, event.text(), RoomHistory.KEPT, write(event), channel,
                        write(new RoomEvent(locationId, excludePlayerId, event, null)))
                .onFailure().invoke(failure -> Log.warnf("Publishing on %s failed: %s", channel, failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> publish(String channel, Object payload) {
        return pubsub.publish(channel, write(payload))
                .onFailure().invoke(failure -> Log.warnf("Publishing on %s failed: %s", channel, failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload is not serialisable", e);
        }
    }
}
