package com.langomni.orchestrator.game.state;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import com.langomni.orchestrator.game.world.JsonArrayConverters;

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

    /*
     * Account changes that end the player's sessions bump auth_version in the same statement, so a concurrent
     * change can never lose a bump. They are update statements, never writes of a loaded entity, which would put
     * back whatever columns it held (the game state included). In the caller's transaction.
     */

    /** New password; the new auth_version, or null when there is no such player. */
    public Uni<Long> changePassword(UUID id, String passwordHash, Instant now) {
        return update("passwordHash = ?1, authVersion = authVersion + 1, updatedAt = ?2 where id = ?3",
                passwordHash, now, id).chain(rows -> authVersionIf(rows, id));
    }

    /** New password and the admin role (the bootstrap's reset); the new auth_version, or null without a player. */
    public Uni<Long> resetAdmin(UUID id, String passwordHash, Instant now) {
        return update("passwordHash = ?1, role = 'admin', authVersion = authVersion + 1, updatedAt = ?2 where id = ?3",
                passwordHash, now, id).chain(rows -> authVersionIf(rows, id));
    }

    /** Banned until {@code until}; the new auth_version, or null when there is no such player. */
    public Uni<Long> ban(UUID id, Instant until, String reason, Instant now) {
        return update("bannedUntil = ?1, banReason = ?2, authVersion = authVersion + 1, updatedAt = ?3 where id = ?4",
                until, reason, now, id).chain(rows -> authVersionIf(rows, id));
    }

    /** Lifts a ban (sessions it ended stay ended); false when there is no such player. */
    public Uni<Boolean> unban(UUID id, Instant now) {
        return update("bannedUntil = null, banReason = null, updatedAt = ?1 where id = ?2", now, id)
                .map(rows -> rows > 0);
    }

    /** A new role; the new auth_version, or null when there is no such player or the role was already that. */
    public Uni<Long> changeRole(UUID id, String role, Instant now) {
        return update("role = ?1, authVersion = authVersion + 1, updatedAt = ?2 where id = ?3 and role <> ?1",
                role, now, id).chain(rows -> authVersionIf(rows, id));
    }

    /** Read back with a query: a bulk update leaves an entity already loaded in this session as it was. */
    private Uni<Long> authVersionIf(int rows, UUID id) {
        if (rows == 0) {
            return Uni.createFrom().nullItem();
        }
        return getSession().chain(session -> session.createSelectionQuery(
                        "select authVersion from PlayerEntity where id = ?1", Long.class)
                .setParameter(1, id)
                .getSingleResult());
    }
}
