package com.langomni.orchestrator.service;

import com.langomni.api.game.Welcome;
import com.langomni.api.protocol.EventFrame;
import com.langomni.api.protocol.EventKinds;
import com.langomni.orchestrator.domain.PlayerState;
import com.langomni.orchestrator.domain.Views;
import com.langomni.orchestrator.domain.World;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Socket sessions, as the gateway reports them: presence, and the arrived/left events when a player's first
 * socket opens or last one closes. Runs under the player's lock so presence never races a move.
 */
@ApplicationScoped
public class SessionService {

    private final PlayerLock lock;
    private final PlayerStateStore players;
    private final Presence presence;
    private final Publisher publisher;
    private final ViewService views;
    private final World world;

    SessionService(PlayerLock lock, PlayerStateStore players, Presence presence, Publisher publisher,
                   ViewService views, World world) {
        this.lock = lock;
        this.players = players;
        this.presence = presence;
        this.publisher = publisher;
        this.views = views;
        this.world = world;
    }

    public Uni<Welcome> open(TokenClaims caller, String playerId) {
        requireSelf(caller, playerId);
        return lock.withLock(playerId, () -> player(playerId)
                .chain(player -> presence.open(playerId, player.locationId())
                        .call(sockets -> sockets == 1
                                ? publisher.roomEvent(player.locationId(), playerId,
                                        EventFrame.of(EventKinds.ARRIVED, player.name(), player.name() + " appears."))
                                : Uni.createFrom().voidItem())
                        .chain(() -> views.location(player.locationId()))
                        .map(location -> new Welcome(Views.player(world, player), location))));
    }

    public Uni<Void> close(TokenClaims caller, String playerId) {
        requireSelf(caller, playerId);
        return lock.withLock(playerId, () -> player(playerId)
                .chain(player -> presence.close(playerId, player.locationId())
                        .chain(sockets -> sockets == 0
                                ? publisher.roomEvent(player.locationId(), playerId,
                                        EventFrame.of(EventKinds.LEFT, player.name(), player.name() + " fades away."))
                                : Uni.createFrom().voidItem())));
    }

    private Uni<PlayerState> player(String playerId) {
        return players.get(playerId).map(found -> found
                .map(PlayerSnapshot::state)
                .orElseThrow(() -> ApiException.notFound("no player " + playerId)));
    }

    private static void requireSelf(TokenClaims caller, String playerId) {
        if (!caller.sub().equals(playerId)) {
            throw ApiException.forbidden("this token belongs to another player");
        }
    }
}
