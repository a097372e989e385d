package com.langomni.orchestrator.game.state;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import com.langomni.orchestrator.game.world.JsonArrayConverters;

/** Location state rows. Writers lock the row; readers don't. */
@ApplicationScoped
public class LocationStateRepository implements PanacheRepositoryBase<LocationStateEntity, String> {

    /** Inserts the row unless another transaction already did (two players entering a fresh place at once). */
    public Uni<Void> insertIfAbsent(LocationStateEntity row) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        insert into location_state (location_id, items, creatures, unlocked_exits, updated_at)
                        values (:id, cast(cast(:items as text) as jsonb), cast(cast(:creatures as text) as jsonb),
                                cast(cast(:unlocked as text) as jsonb), now())
                        on conflict (location_id) do nothing""")
                .setParameter("id", row.locationId)
                .setParameter("items", JsonArrayConverters.write(row.items))
                .setParameter("creatures", JsonArrayConverters.write(row.creatures))
                .setParameter("unlocked", JsonArrayConverters.write(row.unlockedExits))
                .executeUpdate()
                .replaceWithVoid());
    }

    /**
     * Reads a row the session already holds again, under {@code SELECT ... FOR UPDATE}: the earlier copy is
     * dropped from the session so the locked read returns the committed state, not the cached one.
     */
    public Uni<LocationStateEntity> lock(LocationStateEntity row) {
        return getSession().chain(session -> {
            session.detach(row);
            return session.find(LocationStateEntity.class, row.locationId, LockModeType.PESSIMISTIC_WRITE);
        });
    }
}
