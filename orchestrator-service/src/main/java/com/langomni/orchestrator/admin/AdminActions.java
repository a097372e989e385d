package com.langomni.orchestrator.admin;

import com.langomni.api.game.ActionResult;
import com.langomni.api.game.PlayerView;
import com.langomni.api.protocol.EventFrame;
import com.langomni.api.protocol.EventKinds;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.Views;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.state.PlayerRepository;
import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.narration.Narration;
import com.langomni.orchestrator.game.state.PlayerIds;
import com.langomni.orchestrator.game.state.PlayerLock;
import com.langomni.orchestrator.game.state.PlayerSnapshot;
import com.langomni.orchestrator.game.state.PlayerStateStore;
import com.langomni.orchestrator.session.Presence;
import com.langomni.orchestrator.session.Publisher;
import com.langomni.orchestrator.game.state.StaleStateException;
import com.langomni.orchestrator.game.ViewService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What an admin does to a player: kick, move to a location, restore HP. A change goes the way an action's does:
 * under the player's lock, validated by the rules ({@link AdminOrders}), written to PostgreSQL against the state's
 * version (re-applied to fresh state when the hot copy was stale), then the hot copy, presence, the rooms and the
 * player's sockets (a {@code result} frame with action id {@code admin-<uuid>}) are told.
 */
@ApplicationScoped
public class AdminActions {

    static final String ACTION_PREFIX = "admin-";

    private final PlayerLock lock;
    private final PlayerStateStore players;
    private final PlayerRepository rows;
    private final Presence presence;
    private final Publisher publisher;
    private final ViewService views;
    private final AdminPlayers admin;
    private final World world;

    AdminActions(PlayerLock lock, PlayerStateStore players, PlayerRepository rows, Presence presence,
                 Publisher publisher, ViewService views, AdminPlayers admin, World world) {
        this.lock = lock;
        this.players = players;
        this.rows = rows;
        this.presence = presence;
        this.publisher = publisher;
        this.views = views;
        this.admin = admin;
        this.world = world;
    }

    /** A player's state before and after a change (the same snapshot when nothing changed). */
    private record Change(PlayerSnapshot before, PlayerSnapshot after) {

        boolean changed() {
            return after.version() != before.version();
        }
    }

    /**
     * Closes the player's sockets through the gateways. Not under the lock: it changes no state, and an admin
     * stopping a player must not wait behind that player's narration.
     */
    public Uni<Void> kick(String playerId, String by) {
        return existing(playerId)
                .chain(player -> publisher.kick(playerId, "kicked by an admin")
                        .invoke(() -> Log.infof("Admin %s kicked player %s (%s)", by, player.name(), playerId)));
    }

    /** 400 for an unknown location; the player's detail after the move. */
    public Uni<AdminPlayerDetail> move(String playerId, String locationId, String by) {
        if (locationId == null || locationId.isBlank() || world.location(locationId).isEmpty()) {
            return Uni.createFrom().failure(ApiException.badRequest("no location " + locationId));
        }
        return change(playerId, state -> AdminOrders.teleport(world, state, locationId),
                        change -> change.changed() ? announceMove(change) : Uni.createFrom().voidItem())
                .invoke(change -> Log.infof("Admin %s moved player %s from %s to %s", by,
                        change.after().state().name(), change.before().state().locationId(), locationId))
                .chain(change -> admin.detail(playerId));
    }

    /** HP back to the maximum; the player's detail after it. */
    public Uni<AdminPlayerDetail> resetHp(String playerId, String by) {
        return change(playerId, AdminOrders::restoreHp, change -> tell(change.after().state(), "You feel whole again."))
                .invoke(change -> Log.infof("Admin %s restored the HP of player %s", by, change.after().state().name()))
                .chain(change -> admin.detail(playerId));
    }

    /**
     * Applies the order and tells the world about it, both under the player's lock: told after the lock, a move
     * could reach presence and the gateways after a newer move of the player's own and undo it there.
     */
    private Uni<Change> change(String playerId, UnaryOperator<PlayerState> order,
                               Function<Change, Uni<Void>> announce) {
        if (PlayerIds.parse(playerId).isEmpty()) {
            return Uni.createFrom().failure(ApiException.badRequest("a player id is a UUID"));
        }
        return lock.withLock(playerId, () -> players.get(playerId)
                .chain(found -> save(found.orElseThrow(() -> notFound(playerId)), order))
                .onFailure(StaleStateException.class).recoverWithUni(() -> players.reload(playerId)
                        .chain(fresh -> save(fresh.orElseThrow(() -> notFound(playerId)), order)))
                .call(announce::apply));
    }

    /** Writes the changed state (if anything changed) against its version, then the hot copy. */
    private Uni<Change> save(PlayerSnapshot snapshot, UnaryOperator<PlayerState> order) {
        PlayerState after = order.apply(snapshot.state());
        if (after.equals(snapshot.state())) {
            return Uni.createFrom().item(new Change(snapshot, snapshot));
        }
        return Panache.withTransaction(() -> rows.updateState(UUID.fromString(after.id()), snapshot.version(),
                        after.locationId(), after.hp(), after.maxHp(), after.inventory()))
                .map(written -> {
                    if (written == 0) {
                        throw new StaleStateException(after.id());
                    }
                    return new Change(snapshot, snapshot.next(after));
                })
                .call(change -> players.put(change.after()));
    }

    /**
     * Like a move by the player: presence, gateways' room index, both rooms, then the player's own frame. An offline
     * player is in no room, so the rooms hear nothing (Redis down: presence unknown, the rooms are told).
     */
    private Uni<Void> announceMove(Change change) {
        PlayerState before = change.before().state();
        PlayerState after = change.after().state();
        String name = after.name();
        return presence.move(after.id(), after.name(), before.locationId(), after.locationId())
                .onFailure().recoverWithItem(true)
                .chain(online -> !online ? Uni.createFrom().voidItem() : publisher.moved(after.id(), after.locationId())
                        .chain(() -> publisher.roomEvent(before.locationId(), after.id(),
                                EventFrame.of(EventKinds.LEFT, name, name + " vanishes.")))
                        .chain(() -> publisher.roomEvent(after.locationId(), after.id(),
                                EventFrame.of(EventKinds.ARRIVED, name, name + " appears.")))
                        .chain(() -> tell(after, "An unseen hand carries you to "
                                + world.location(after.locationId()).map(Location::name).orElse(after.locationId())
                                + ".")));
    }

    /**
     * The player's sockets get a {@code result} frame, as after an action, with the state now. Best effort: the
     * change is committed, so a failure here is only logged.
     */
    private Uni<Void> tell(PlayerState player, String text) {
        PlayerView view = Views.player(world, player);
        return views.location(player.locationId())
                .chain(location -> publisher.result(player.id(), new ActionResult(
                        ACTION_PREFIX + UUID.randomUUID(), text, Narration.SOURCE_RULES, view, location)))
                .onFailure().invoke(failure -> Log.warnf("Player %s not told of an admin change: %s", player.id(),
                        failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<PlayerState> existing(String playerId) {
        if (PlayerIds.parse(playerId).isEmpty()) {
            return Uni.createFrom().failure(ApiException.badRequest("a player id is a UUID"));
        }
        return players.get(playerId).map(found -> found.map(PlayerSnapshot::state)
                .orElseThrow(() -> notFound(playerId)));
    }

    private static ApiException notFound(String playerId) {
        return ApiException.notFound("no player " + playerId);
    }
}
