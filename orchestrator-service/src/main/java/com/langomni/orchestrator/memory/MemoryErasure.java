package com.langomni.orchestrator.memory;

import com.langomni.orchestrator.memory.client.MemoryClient;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.game.state.PlayerIds;

/**
 * Erases everything memory-service keeps because of one player: what anyone remembers about them (subject) and
 * their own history (owner {@code player:<id>}). Writes still on the queue are delivered afterwards; erase again
 * once the queue has drained to be sure nothing was in flight.
 */
@ApplicationScoped
public class MemoryErasure {

    /** Deletes run over many memories; past this memory-service counts as unavailable. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MemoryClient memories;

    MemoryErasure(MemoryClient memories) {
        this.memories = memories;
    }

    /** The number of memories erased; fails with 503 unavailable when memory-service does not answer. */
    public Uni<Long> erasePlayer(String playerId) {
        if (PlayerIds.parse(playerId).isEmpty()) {
            return Uni.createFrom().failure(ApiException.badRequest("a player id is a UUID"));
        }
        return memories.deleteAbout(playerId)
                .chain(about -> memories.deleteOwned(MemoryOwners.player(playerId)).map(own -> about + own))
                .ifNoItem().after(TIMEOUT).fail()
                .onFailure().transform(failure -> {
                    Log.warnf("Memories of player %s not erased: %s", playerId, failure.toString());
                    return ApiException.unavailable("memory-service is unavailable; nothing or only part was erased,"
                            + " try again");
                })
                .invoke(erased -> Log.infof("Erased %d memories of player %s", erased, playerId));
    }
}
