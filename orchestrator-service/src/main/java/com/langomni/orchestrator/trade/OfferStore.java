package com.langomni.orchestrator.trade;

import com.langomni.orchestrator.game.rules.model.Offer;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.state.PlayerSnapshot;
import com.langomni.orchestrator.game.world.JsonArrayConverters;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pending offers and the players they concern, in PostgreSQL, in the caller's session (and transaction). An offer
 * lives in the same database as both packs so that accepting it, swapping the items and deleting it are one commit:
 * it cannot be accepted twice, and it cannot vanish (a Redis restart or eviction) while the items stay put.
 */
@ApplicationScoped
public class OfferStore {

    private static final String COLUMNS = """
            cast(offerer_id as text), cast(recipient_id as text), location_id, item_id, wanted_id,
            cast(floor(extract(epoch from expires_at) * 1000) as bigint)""";

    /** Places (or replaces) the offerer's one offer. */
    public Uni<Void> put(Offer offer) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into trade_offers (offerer_id, recipient_id, location_id, item_id, wanted_id, expires_at)
                        values (:from, :to, :location, :item, :wanted, to_timestamp(:expires / 1000.0))
                        on conflict (offerer_id) do update
                           set recipient_id = excluded.recipient_id, location_id = excluded.location_id,
                               item_id = excluded.item_id, wanted_id = excluded.wanted_id,
                               created_at = now(), expires_at = excluded.expires_at""")
                .setParameter("from", UUID.fromString(offer.fromId()))
                .setParameter("to", UUID.fromString(offer.toId()))
                .setParameter("location", offer.locationId())
                .setParameter("item", offer.item())
                .setParameter("wanted", offer.wanted())
                .setParameter("expires", offer.expiresAtMillis())
                .executeUpdate()
                .replaceWithVoid());
    }

    /**
     * The newest offer standing for {@code recipientId} (from {@code offererId} when not null), locked for the
     * transaction when {@code lock}.
     */
    public Uni<Optional<Offer>> incoming(String recipientId, String offererId, boolean lock) {
        String sql = "select " + COLUMNS + " from trade_offers where recipient_id = :to and expires_at > now()"
                + (offererId == null ? "" : " and offerer_id = :from")
                + " order by created_at desc limit 1" + (lock ? " for update" : "");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class)
                    .setParameter("to", UUID.fromString(recipientId));
            if (offererId != null) {
                query.setParameter("from", UUID.fromString(offererId));
            }
            return query.getResultList().map(OfferStore::first);
        });
    }

    /** The player's own standing offer. */
    public Uni<Optional<Offer>> own(String offererId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select " + COLUMNS
                        + " from trade_offers where offerer_id = :from and expires_at > now()", Object[].class)
                .setParameter("from", UUID.fromString(offererId))
                .getResultList()
                .map(OfferStore::first));
    }

    /** Deletes the offerer's offer (accepted, declined, cancelled or void), and any that lapsed meanwhile. */
    public Uni<Void> delete(String offererId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from trade_offers where offerer_id = :from or expires_at <= now()")
                .setParameter("from", UUID.fromString(offererId))
                .executeUpdate()
                .replaceWithVoid());
    }

    /**
     * Both players' rows, locked for the transaction in one global order (by id): two trades crossing each other
     * wait in line instead of deadlocking. FOR NO KEY UPDATE: what an update of the row needs, no more (foreign keys
     * to the players, a party joined, do not wait on it).
     */
    public Uni<Map<String, PlayerSnapshot>> lockPlayers(String one, String other) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select cast(id as text), name, location_id, hp, max_hp, cast(inventory as text), version
                          from players where id in (:one, :other) order by id for no key update""", Object[].class)
                .setParameter("one", UUID.fromString(one))
                .setParameter("other", UUID.fromString(other))
                .getResultList()
                .map(rows -> {
                    Map<String, PlayerSnapshot> found = new java.util.HashMap<>();
                    for (Object[] row : rows) {
                        PlayerState state = new PlayerState((String) row[0], (String) row[1], (String) row[2],
                                ((Number) row[3]).intValue(), ((Number) row[4]).intValue(),
                                JsonArrayConverters.read((String) row[5]));
                        found.put(state.id(), new PlayerSnapshot(state, ((Number) row[6]).longValue()));
                    }
                    return found;
                }));
    }

    /** A player's id and name by name (case-insensitive), with where they stand; empty when none. */
    public Uni<Optional<PlayerState>> byName(String name) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select cast(id as text), name, location_id, hp, max_hp, cast(inventory as text)
                          from players where lower(name) = lower(:name)""", Object[].class)
                .setParameter("name", name)
                .getResultList()
                .map(rows -> rows.isEmpty() ? Optional.<PlayerState>empty() : Optional.of(new PlayerState(
                        (String) rows.get(0)[0], (String) rows.get(0)[1], (String) rows.get(0)[2],
                        ((Number) rows.get(0)[3]).intValue(), ((Number) rows.get(0)[4]).intValue(),
                        JsonArrayConverters.read((String) rows.get(0)[5])))));
    }

    /** A player's name by id, null when none. */
    public Uni<String> name(String playerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select name from players where id = :id", String.class)
                .setParameter("id", UUID.fromString(playerId))
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0)));
    }

    private static Optional<Offer> first(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new Offer((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], ((Number) row[5]).longValue()));
    }
}
