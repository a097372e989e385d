package com.langomni.orchestrator.session;

import com.langomni.api.game.LocationView;
import com.langomni.api.game.OutboxReplay;
import com.langomni.api.game.SessionOpened;
import com.langomni.api.game.PlayerRef;
import com.langomni.api.game.PlayerView;
import com.langomni.api.game.Welcome;
import com.langomni.api.protocol.EventFrame;
import com.langomni.api.protocol.EventKinds;
import com.langomni.orchestrator.game.GameConfig;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.Views;
import com.langomni.orchestrator.game.rules.model.World;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import com.langomni.orchestrator.auth.TokenClaims;
import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.game.Admission;
import com.langomni.orchestrator.game.ViewService;
import com.langomni.orchestrator.game.state.PlayerLock;
import com.langomni.orchestrator.game.state.PlayerSnapshot;
import com.langomni.orchestrator.game.state.PlayerStateStore;

/**
 * Socket sessions, as the gateway reports them (each socket named by its gateway and connection id): presence,
 * and the arrived/left events when a player's first socket opens or last one closes ({@link Departures}). Runs
 * under the player's lock so presence never races a move.
 */
@ApplicationScoped
public class SessionService {

    private final Admission admission;
    private final int announceUpTo;
    private final Departures departures;
    private final PlayerLock lock;
    private final PlayerStateStore players;
    private final Presence presence;
    private final SocketLimits limits;
    private final Publisher publisher;
    private final ViewService views;
    private final World world;
    private final Outbox outbox;

    SessionService(GameConfig config, Admission admission, Departures departures, PlayerLock lock, PlayerStateStore players, Presence presence, SocketLimits limits,
                   Publisher publisher, ViewService views, World world, Outbox outbox) {
        this.limits = limits;
        this.outbox = outbox;
        this.admission = admission;
        this.announceUpTo = config.crowd().announceUpTo();
        this.departures = departures;
        this.lock = lock;
        this.players = players;
        this.presence = presence;
        this.publisher = publisher;
        this.views = views;
        this.world = world;
    }

    /**
     * Admits a socket: the welcome snapshot and, when the client resumes ({@code after}, its last seq; null for a
     * fresh start), the frames it missed. A fresh start's outbox head is read before the socket counts as present:
     * every frame addressed to the player once it counts has a higher seq, and the gateway, listening since before
     * this call, sends those live. A resume reads the outbox after: the replay then reaches up to where live frames
     * start. Should anything fail once the socket counts, it is counted out again before the failure is answered
     * (the gateway never releases a socket it was not welcomed into). The player's socket limits
     * ({@link SocketLimits}) are checked first: past them the socket is refused (429) and nothing is announced.
     */
    public Uni<SessionOpened> open(TokenClaims caller, String playerId, SocketId socket, Long after) {
        requireSelf(caller, playerId);
        AtomicBoolean counted = new AtomicBoolean();
        return admission.<SessionOpened>session(() -> lock.withLock(playerId, () -> limits.admit(playerId, socket)
                        .chain(() -> player(playerId))
                        .chain(player -> views.location(player.locationId())
                                .chain(location -> (after == null ? outbox.head(playerId).map(OutboxReplay::fresh)
                                                : Uni.createFrom().<OutboxReplay>nullItem())
                                        .chain(fresh -> presence.open(socket, playerId, player.name(), player.locationId())
                                                .invoke(() -> counted.set(true))
                                                .call(cameOnline -> cameOnline
                                                        ? announce(player.locationId(), playerId, EventFrame.of(
                                                                EventKinds.ARRIVED, player.name(), player.name() + " appears."))
                                                        : Uni.createFrom().voidItem())
                                                .chain(() -> fresh != null ? Uni.createFrom().item(fresh)
                                                        : outbox.after(playerId, after))
                                                .map(replay -> new SessionOpened(new Welcome(Views.player(world, player),
                                                        withSelf(location, Views.player(world, player))), replay)))))))
                .onFailure().call(() -> counted.get()
                        ? departures.close(playerId, socket).onFailure().recoverWithNull()
                        : Uni.createFrom().voidItem());
    }

    /** The frames after {@code after}, for a gateway that noticed a gap. */
    public Uni<OutboxReplay> frames(TokenClaims caller, String playerId, long after) {
        requireSelf(caller, playerId);
        return outbox.after(playerId, after);
    }

    public Uni<Void> close(TokenClaims caller, String playerId, SocketId socket) {
        requireSelf(caller, playerId);
        return departures.close(playerId, socket);
    }

    /** Tells the room, unless it is a crowd (langomni.game.crowd.announce-up-to): there nobody could follow it. */
    private Uni<Void> announce(String locationId, String playerId, EventFrame event) {
        return presence.count(locationId).chain(present -> present <= announceUpTo
                        ? publisher.roomEvent(locationId, playerId, event)
                        : Uni.createFrom().voidItem())
                .onFailure().recoverWithNull(); // an announcement lost never fails the player's own session
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
                location.items(), location.npcs(), location.creatures(), List.copyOf(present), location.now());
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
