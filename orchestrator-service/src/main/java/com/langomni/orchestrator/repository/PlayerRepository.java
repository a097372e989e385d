package com.langomni.orchestrator.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Players in PostgreSQL. */
@ApplicationScoped
public class PlayerRepository implements PanacheRepositoryBase<PlayerEntity, UUID> {

    public Uni<PlayerEntity> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResult();
    }

    /**
     * Writes a player's game state if the row is still at {@code expectedVersion}; in the caller's transaction.
     *
     * @return the number of rows written: 0 means the caller's copy was stale
     */
    public Uni<Integer> updateState(UUID id, long expectedVersion, String locationId, int hp, int maxHp,
                                    List<String> inventory) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        update players
                           set location_id = :location, hp = :hp, max_hp = :maxHp,
                               inventory = cast(cast(:inventory as text) as jsonb),
                               version = version + 1, updated_at = now()
                         where id = :id and version = :version""")
                .setParameter("location", locationId)
                .setParameter("hp", hp)
                .setParameter("maxHp", maxHp)
                .setParameter("inventory", JsonArrayConverters.write(inventory))
                .setParameter("id", id)
                .setParameter("version", expectedVersion)
                .executeUpdate());
    }
}
