package com.langomni.orchestrator.game;

import com.langomni.api.game.LocationView;
import com.langomni.api.game.NpcView;
import com.langomni.api.game.PlayerView;
import com.langomni.orchestrator.game.rules.Views;
import com.langomni.orchestrator.game.rules.model.World;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import com.langomni.orchestrator.world.WorldControl;
import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.game.state.LocationStates;
import com.langomni.orchestrator.game.state.PlayerStateStore;
import com.langomni.orchestrator.session.RoomRoster;

/** Read-only game views: a player, a location with the players online there, a location's NPCs. */
@ApplicationScoped
public class ViewService {

    private final World world;
    private final PlayerStateStore players;
    private final LocationStates locations;
    private final RoomRoster roster;
    private final WorldControl control;

    ViewService(World world, PlayerStateStore players, LocationStates locations, RoomRoster roster,
                WorldControl control) {
        this.control = control;
        this.world = world;
        this.players = players;
        this.locations = locations;
        this.roster = roster;
    }

    public Uni<PlayerView> player(String playerId) {
        return players.get(playerId).map(found -> found
                .map(snapshot -> Views.player(world, snapshot.state()))
                .orElseThrow(() -> ApiException.notFound("no player " + playerId)));
    }

    public Uni<LocationView> location(String locationId) {
        requireLocation(locationId);
        return locations.current(locationId)
                .chain(state -> roster.present(locationId)
                        .map(present -> Views.location(world, state, present, System.currentTimeMillis(),
                                control.clock(), control.cachedStatus())));
    }

    public List<NpcView> npcs(String locationId) {
        requireLocation(locationId);
        return Views.npcs(world, locationId, control.clock().at(System.currentTimeMillis()));
    }

    private void requireLocation(String locationId) {
        if (world.location(locationId).isEmpty()) {
            throw ApiException.notFound("no location " + locationId);
        }
    }
}
