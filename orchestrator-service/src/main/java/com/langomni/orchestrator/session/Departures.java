package com.langomni.orchestrator.session;

import com.langomni.api.protocol.EventFrame;
import com.langomni.api.protocol.EventKinds;
import com.langomni.orchestrator.game.GameConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import com.langomni.orchestrator.game.state.PlayerLock;
import com.langomni.orchestrator.game.state.PlayerStateStore;

/**
 * A socket closing, whoever reports it (its gateway, or the reaper for a dead gateway): presence forgets it under
 * the player's lock, so it never races a move, and the room hears "fades away" when it was the player's last one.
 */
@ApplicationScoped
public class Departures {

    private final int announceUpTo;
    private final PlayerLock lock;
    private final PlayerStateStore players;
    private final Presence presence;
    private final Publisher publisher;

    Departures(GameConfig config, PlayerLock lock, PlayerStateStore players, Presence presence, Publisher publisher) {
        this.announceUpTo = config.crowd().announceUpTo();
        this.lock = lock;
        this.players = players;
        this.presence = presence;
        this.publisher = publisher;
    }

    /** Closes one socket of the player; closing it again, or a socket never opened, does nothing. */
    public Uni<Void> close(String playerId, SocketId socket) {
        return lock.withLock(playerId, () -> players.get(playerId).chain(found -> {
            if (found.isEmpty()) {
                // no such player: nobody to announce, no room to leave; only the socket is forgotten
                return presence.close(socket, playerId, null).replaceWithVoid();
            }
            var player = found.get().state();
            return presence.close(socket, playerId, player.locationId())
                    .chain(wentOffline -> wentOffline
                            ? announce(player.locationId(), playerId,
                                    EventFrame.of(EventKinds.LEFT, player.name(), player.name() + " fades away."))
                            : Uni.createFrom().voidItem());
        }));
    }

    /** Tells the room, unless it is a crowd (langomni.game.crowd.announce-up-to): there nobody could follow it. */
    private Uni<Void> announce(String locationId, String playerId, EventFrame event) {
        return presence.count(locationId).chain(present -> present <= announceUpTo
                ? publisher.roomEvent(locationId, playerId, event)
                : Uni.createFrom().voidItem());
    }
}
