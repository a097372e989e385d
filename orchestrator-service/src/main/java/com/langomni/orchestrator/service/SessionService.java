package com.langomni.orchestrator.service;

import com.langomni.api.game.LocationView;
import com.langomni.api.game.OutboxReplay;
import com.langomni.api.game.SessionOpened;
import com.langomni.api.game.PlayerRef;
import com.langomni.api.game.PlayerView;
import com.langomni.api.game.Welcome;
import com.langomni.api.protocol.EventFrame;
import com.langomni.api.protocol.EventKinds;
import com.langomni.orchestrator.config.GameConfig;
import com.langomni.orchestrator.domain.PlayerState;
import com.langomni.orchestrator.domain.Views;
import com.langomni.orchestrator.domain.World;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Socket sessions, as the gateway reports them: presence, and the arrived/left events when a player's first
 * socket opens or last one closes. Runs under the player's lock so presence never races a move.
 */
@ApplicationScoped
public class SessionService {

    private final Admission admission;
    private final int announceUpTo;
    private final PlayerLock lock;
    private final PlayerStateStore players;
    private final Presence presence;
    private final Publisher publisher;
    private final ViewService views;
    private final World world;
    private final Outbox outbox;

    SessionService(GameConfig config, Admission admission, PlayerLock lock, PlayerStateStore players, Presence presence, Publisher publisher,
                   ViewService views, World world, Outbox outbox) {
        this.outbox = outbox;
        this.admission = admission;
        this.announceUpTo = config.crowd().announceUpTo();
        this.lock = lock;
        this.players = players;
        this.presence = presence;
        this.publisher = publisher;
        this.views = views;
        this.world = world;
    }

    /**
     * Admits a socket: the welcome snapshot and, when the client resumes ({@code after}, its last seq; null for a
     * fresh start), the frames it missed. The outbox is read after the socket counts as present, so every frame
     * addressed to the player from then on has a higher seq than the answer's: the gateway, listening since before
     * this call, sends those live.
     */
    public Uni<SessionOpened> open(TokenClaims caller, String playerId, Long after) {
        return welcome(caller, playerId)
                .chain(welcome -> (after == null ? outbox.head(playerId).map(OutboxReplay::fresh)
                                : outbox.after(playerId, after))
                        .map(replay -> new SessionOpened(welcome, replay)));
    }

    /** The frames after {@code after}, for a gateway that noticed a gap. */
    public Uni<OutboxReplay> frames(TokenClaims caller, String playerId, long after) {
        requireSelf(caller, playerId);
        return outbox.after(playerId, after);
    }

    private Uni<Welcome> welcome(TokenClaims caller, String playerId) {
        requireSelf(caller, playerId);
        // The view is built before the socket is counted: a failure then leaves no count the gateway would
        // never release (it only closes sessions it was welcomed into).
        return admission.session(() -> lock.withLock(playerId, () -> player(playerId)
                .chain(player -> views.location(player.locationId())
                        .chain(location -> presence.open(playerId, player.name(), player.locationId())
                                .call(sockets -> sockets == 1
                                        ? announce(player.locationId(), playerId, EventFrame.of(
                                                EventKinds.ARRIVED, player.name(), player.name() + " appears."))
                                        : Uni.createFrom().voidItem())
                                .map(sockets -> new Welcome(Views.player(world, player), withSelf(location,
                                        Views.player(world, player))))))));
    }

    public Uni<Void> close(TokenClaims caller, String playerId) {
        requireSelf(caller, playerId);
        return lock.withLock(playerId, () -> player(playerId)
                .chain(player -> presence.close(playerId, player.locationId())
                        .chain(sockets -> sockets == 0
                                ? announce(player.locationId(), playerId,
                                        EventFrame.of(EventKinds.LEFT, player.name(), player.name() + " fades away."))
                                : Uni.createFrom().voidItem())));
    }

    /** Tells the room, unless it is a crowd (langomni.game.crowd.announce-up-to): there nobody could follow it. */
    private Uni<Void> announce(String locationId, String playerId, EventFrame event) {
        return presence.count(locationId).chain(present -> present <= announceUpTo
                ? publisher.roomEvent(locationId, playerId, event)
                : Uni.createFrom().voidItem());
    }

    /** The view was read before this socket counted; the player sees themselves among those present. */
    private static LocationView withSelf(LocationView location, PlayerView self) {
        if (location.players().stream().anyMatch(p -> p.id().equals(self.id()))) {
            return location;
        }
        List<PlayerRef> present = new ArrayList<>(location.players());
        present.add(new PlayerRef(self.id(), self.name()));
        present.sort(Comparator.comparing(PlayerRef::name, String.CASE_INSENSITIVE_ORDER));
        return new LocationView(location.id(), location.name(), location.description(), location.exits(),
                location.items(), location.npcs(), location.creatures(), List.copyOf(present));
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
