package com.langomni.orchestrator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.bus.Channels;
import com.langomni.api.bus.PlayerMessage;
import com.langomni.api.bus.RoomEvent;
import com.langomni.api.game.ActionResult;
import com.langomni.api.protocol.EventFrame;
import com.langomni.api.protocol.NarrationFrame;
import com.langomni.api.protocol.ResultFrame;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Publishes to the gateways over Redis pub/sub: results on the actor's player channel, events on location
 * channels. The state is committed before anything is published, and a failed publish never fails the action.
 */
@ApplicationScoped
public class Publisher {

    static final String KICK = "kick";
    static final String MOVED = "moved";

    /** Records the event's text in the room's history ({@link RoomHistory}) and publishes it: one round trip. */
    private static final LuaScript ROOM_EVENT = new LuaScript("""
            redis.call('LPUSH', KEYS[1], ARGV[1])
            redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
            return redis.call('PUBLISH', ARGV[3], ARGV[4])
            """);

    private final ReactiveRedisDataSource redis;
    private final ReactivePubSubCommands<String> pubsub;
    private final ObjectMapper json;

    Publisher(ReactiveRedisDataSource redis, ObjectMapper json) {
        this.redis = redis;
        this.pubsub = redis.pubsub(String.class);
        this.json = json;
    }

    /** The actor's {@code result} frame, tagged with the location the player is in after the action. */
    public Uni<Void> result(String playerId, ActionResult result) {
        PlayerMessage message = PlayerMessage.frame(write(ResultFrame.of(result)), result.player().locationId());
        return publish(Channels.player(playerId), message);
    }

    /** A piece of streamed narration; the action's result frame follows it on the same channel. */
    public Uni<Void> narration(String playerId, String locationId, String actionId, String delta) {
        PlayerMessage message = PlayerMessage.frame(write(NarrationFrame.of(actionId, delta)), locationId);
        return publish(Channels.player(playerId), message);
    }

    /**
     * Tells gateways at once that the player is now in {@code locationId}, ahead of the room events and of the
     * result (which waits for narration), so the mover hears the new room, not the old one, from the start.
     */
    public Uni<Void> moved(String playerId, String locationId) {
        return publish(Channels.player(playerId), new PlayerMessage(null, MOVED, locationId, null));
    }

    /** Tells gateways to close the player's sockets (close code 4409); their usual close path marks them offline. */
    public Uni<Void> kick(String playerId, String reason) {
        return publish(Channels.player(playerId), new PlayerMessage(null, KICK, null, reason));
    }

    /** An event for everyone in {@code locationId} but {@code excludePlayerId}. */
    public Uni<Void> roomEvent(String locationId, String excludePlayerId, EventFrame event) {
        String channel = Channels.location(locationId);
        return ROOM_EVENT.run(redis, List.of(RedisKeys.recent(locationId)), event.text(),
                        Integer.toString(RoomHistory.KEPT), channel,
                        write(new RoomEvent(locationId, excludePlayerId, event)))
                .onFailure().invoke(failure -> Log.warnf("Publishing on %s failed: %s", channel, failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> publish(String channel, Object payload) {
        return pubsub.publish(channel, write(payload))
                .onFailure().invoke(failure -> Log.warnf("Publishing on %s failed: %s", channel, failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload is not serialisable", e);
        }
    }
}
