package com.langomni.orchestrator.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Players in PostgreSQL. */
@ApplicationScoped
public class PlayerRepository implements PanacheRepositoryBase<PlayerEntity, UUID> {

    private static final String NAME_CONTAINS = "lower(name) like ?1 escape '!'";

    public Uni<PlayerEntity> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResult();
    }

    /** How many players' names contain {@code nameContains} (case-insensitive; blank: every player). */
    public Uni<Long> countNamed(String nameContains) {
        return count(NAME_CONTAINS, containsPattern(nameContains));
    }

    /**
     * One page of the players whose names contain {@code nameContains}: those in {@code first} (the online ones)
     * before the others, then by name.
     */
    public Uni<List<PlayerEntity>> pageNamed(String nameContains, Collection<UUID> first, int offset, int limit) {
        String pattern = containsPattern(nameContains);
        var query = first.isEmpty()
                ? find(NAME_CONTAINS + " order by lower(name), id", pattern)
                : find(NAME_CONTAINS + " order by case when id in ?2 then 0 else 1 end, lower(name), id", pattern,
                        first);
        return query.range(offset, offset + limit - 1).list();
    }

    /** A LIKE pattern matching names that contain {@code text}, its wildcards escaped with {@code !}. */
    static String containsPattern(String text) {
        String plain = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return "%" + plain.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
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
