package com.langomni.orchestrator.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Claimed action ids (table action_ids): a claim is an insert in the action's transaction, so it commits with the
 * action's state change or not at all, and a second claim of the same id fails with {@link #CLAIMED}.
 */
@ApplicationScoped
public class ActionIdRepository {

    /** The primary key a repeated claim violates. */
    public static final String CLAIMED = "action_ids_pkey";

    /** Inside the caller's transaction; fails with a unique violation of {@link #CLAIMED} for a repeat. */
    public Uni<Void> claim(UUID playerId, String actionId, Instant at) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("insert into action_ids (player_id, action_id, ts) values (?1, ?2, ?3)")
                        .setParameter(1, playerId)
                        .setParameter(2, actionId)
                        .setParameter(3, at)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public static boolean isRepeat(Throwable failure) {
        return Constraints.isUniqueViolation(failure, CLAIMED);
    }
}
