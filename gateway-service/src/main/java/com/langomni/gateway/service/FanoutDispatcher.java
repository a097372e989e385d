package com.langomni.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.bus.Channels;
import com.langomni.api.bus.PlayerMessage;
import com.langomni.api.bus.RoomEvent;
import com.langomni.api.protocol.CloseCodes;
import com.langomni.gateway.protocol.FrameWriter;

import io.quarkus.logging.Log;

/**
 * Delivers what the orchestrator publishes to the sockets connected here: player channels carry a frame or a
 * control for one player, location channels an event with each recipient's seq. Sequenced frames go through each
 * socket's {@link OutboxCursor} (in order, once, gaps fetched). A bad message is logged and dropped.
 */
@ApplicationScoped
public class FanoutDispatcher {

    private final ConnectionRegistry registry;
    private final ObjectMapper mapper;
    private final FrameWriter frames;
    private final GatewayMetrics metrics;
    private final OutboxCatchUp catchUp;

    public FanoutDispatcher(ConnectionRegistry registry, ObjectMapper mapper, FrameWriter frames, GatewayMetrics metrics,
            OutboxCatchUp catchUp) {
        this.catchUp = catchUp;
        this.registry = registry;
        this.mapper = mapper;
        this.frames = frames;
        this.metrics = metrics;
    }

    public void dispatch(String channel, String payload) {
        try {
            if (channel.startsWith(Channels.PLAYER_PREFIX)) {
                toPlayer(channel.substring(Channels.PLAYER_PREFIX.length()), mapper.readValue(payload, PlayerMessage.class));
            } else if (channel.startsWith(Channels.LOCATION_PREFIX)) {
                toRoom(mapper.readValue(payload, RoomEvent.class));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            Log.warnf("Dropped an unreadable message on %s: %s", channel, e.getMessage());
        }
    }

    private void toPlayer(String playerId, PlayerMessage message) {
        if (registry.sessionsOf(playerId).isEmpty()) {
            Log.debugf("No socket here for player %s", playerId);
            return;
        }
        registry.moveTo(playerId, message.locationId());
        if (message.frame() != null && message.seq() != null) {
            registry.sessionsOf(playerId).forEach(session -> offer(session, message.seq(), message.frame()));
        } else if (message.frame() != null) {
            // Not kept (a narration delta): only for sockets already welcomed, never ahead of the welcome.
            registry.sessionsOf(playerId).stream().filter(session -> session.cursor().isLive())
                    .forEach(session -> send(session, message.frame()));
        }
        if (message.control() == null) {
            return; // a frame, or a control this build does not know (Control reads it as null)
        }
        switch (message.control()) {
            case KICK -> kick(playerId, message.reason());
            case MOVED -> { } // the location was taken above
        }
    }

    private void kick(String playerId, String reason) {
        String text = reason != null ? reason : "Disconnected by the server.";
        registry.sessionsOf(playerId).forEach(session -> {
            metrics.socketClosed("kicked");
            session.close(CloseCodes.REPLACED, text).subscribe().with(
                    done -> Log.infof("Kicked %s", session),
                    failure -> Log.debugf("Kick of %s failed: %s", session, failure.toString()));
        });
    }

    private void toRoom(RoomEvent event) {
        if (event.locationId() == null || event.event() == null) {
            Log.warnf("Dropped a room event without location or event");
            return;
        }
        if (event.seqs() != null) {
            // Sequenced: the orchestrator chose the recipients (everyone online there) and appended it to their outboxes.
            String json = frames.write(event.event());
            event.seqs().forEach((playerId, seq) -> registry.sessionsOf(playerId)
                    .forEach(session -> offer(session, seq, json)));
            return;
        }
        // An orchestrator without outboxes (a rolling upgrade): the room index here picks the recipients.
        String json = null;
        for (String playerId : registry.playersIn(event.locationId())) {
            if (playerId.equals(event.excludePlayerId())) {
                continue;
            }
            if (json == null) {
                json = frames.write(event.event());
            }
            for (PlayerSession session : registry.sessionsOf(playerId)) {
                send(session, json);
            }
        }
    }

    private void offer(PlayerSession session, long seq, String json) {
        if (session.cursor().offer(seq, json)) {
            catchUp.gap(session);
        }
    }

    private static void send(PlayerSession session, String json) {
        session.send(json).subscribe().with(
                done -> { },
                failure -> Log.debugf("Frame not delivered to %s: %s", session, failure.toString()));
    }
}
