package com.langomni.orchestrator.session;

import com.langomni.api.game.PlayerRef;
import com.langomni.orchestrator.game.GameConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The online players in a location, with their names, for location views. */
@ApplicationScoped
public class RoomRoster {

    private static final Comparator<PlayerRef> BY_NAME = Comparator.comparing(PlayerRef::name,
            String.CASE_INSENSITIVE_ORDER).thenComparing(PlayerRef::id);

    private final Presence presence;
    private final int maxListed;

    RoomRoster(Presence presence, GameConfig config) {
        this.presence = presence;
        this.maxListed = config.crowd().maxListed();
    }

    /**
     * One script: the roster never reads each player (a crowded square would cost one read per player). At most
     * {@code langomni.game.crowd.max-listed} players, by name; in a bigger crowd a random sample of it.
     */
    public Uni<List<PlayerRef>> present(String locationId) {
        return present(locationId, null);
    }

    /** As {@link #present(String)}, with {@code viewerId} always listed when that player is present. */
    public Uni<List<PlayerRef>> present(String locationId, String viewerId) {
        return presence.sample(locationId, maxListed, viewerId).map(here -> {
            List<PlayerRef> listed = new ArrayList<>(here.entrySet().stream()
                    .map(entry -> new PlayerRef(entry.getKey(), entry.getValue()))
                    .sorted(BY_NAME)
                    .limit(maxListed)
                    .toList());
            String viewerName = viewerId == null ? null : here.get(viewerId);
            if (viewerName != null && listed.stream().noneMatch(p -> p.id().equals(viewerId))) {
                listed.set(listed.size() - 1, new PlayerRef(viewerId, viewerName));
                listed.sort(BY_NAME);
            }
            return List.copyOf(listed);
        });
    }

    /**
     * The roster for a view sent after a commit: that view must not fail (the action is already applied), so a
     * store hiccup degrades it to just the player.
     */
    public Uni<List<PlayerRef>> presentOrSelf(String locationId, PlayerRef self) {
        return present(locationId, self.id()).onFailure().recoverWithItem(List.of(self));
    }
}
