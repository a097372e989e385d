package com.langomni.orchestrator.service;

import com.langomni.api.game.PlayerRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The online players in a location, with their names, for location views. */
@ApplicationScoped
public class RoomRoster {

    private final Presence presence;
    private final PlayerStateStore players;

    RoomRoster(Presence presence, PlayerStateStore players) {
        this.presence = presence;
        this.players = players;
    }

    public Uni<List<PlayerRef>> present(String locationId) {
        return presence.online(locationId)
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(List.<Optional<PlayerSnapshot>>of())
                        : Uni.join().all(ids.stream().map(players::get).toList()).andCollectFailures())
                .map(found -> found.stream()
                        .flatMap(Optional::stream)
                        .map(PlayerSnapshot::state)
                        // the set may lag a move by a moment; the state is the truth
                        .filter(state -> state.locationId().equals(locationId))
                        .map(state -> new PlayerRef(state.id(), state.name()))
                        .sorted(Comparator.comparing(PlayerRef::name, String.CASE_INSENSITIVE_ORDER))
                        .toList());
    }

    /**
     * The roster for a view sent after a commit: that view must not fail (the action is already applied), so a
     * store hiccup degrades it to just the player.
     */
    public Uni<List<PlayerRef>> presentOrSelf(String locationId, PlayerRef self) {
        return present(locationId).onFailure().recoverWithItem(List.of(self));
    }
}
