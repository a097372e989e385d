package com.langomni.orchestrator.service;

import com.langomni.api.game.PlayerRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

/** The online players in a location, with their names, for location views. */
@ApplicationScoped
public class RoomRoster {

    private final Presence presence;

    RoomRoster(Presence presence) {
        this.presence = presence;
    }

    /** One HGETALL: the roster never reads each player (a crowded square would cost one read per player). */
    public Uni<List<PlayerRef>> present(String locationId) {
        return presence.here(locationId).map(here -> here.entrySet().stream()
                .map(entry -> new PlayerRef(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(PlayerRef::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(PlayerRef::id))
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
