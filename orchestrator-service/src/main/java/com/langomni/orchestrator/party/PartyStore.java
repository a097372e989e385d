package com.langomni.orchestrator.party;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Parties, their members and invitations in PostgreSQL, in the caller's session (and transaction). */
@ApplicationScoped
public class PartyStore {

    private static final String MEMBERS = """
            select cast(m.party_id as text), cast(p.id as text), p.name, p.location_id
              from party_members m join players p on p.id = m.player_id
             where m.party_id = %s
             order by m.joined_at, p.id""";

    /** The player's party, members in the order they joined; empty when in none. */
    public Uni<Optional<Party>> of(String playerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MEMBERS.formatted(
                        "(select party_id from party_members where player_id = :id)"), Object[].class)
                .setParameter("id", UUID.fromString(playerId))
                .getResultList()
                .map(PartyStore::party));
    }

    /** The party's row locked for the transaction: joins and leaves of one party queue behind each other. */
    public Uni<Void> lock(String partyId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select cast(id as text) from parties where id = :id for update", String.class)
                .setParameter("id", UUID.fromString(partyId))
                .getResultList()
                .replaceWithVoid());
    }

    /**
     * The player's row locked for the transaction (FOR NO KEY UPDATE: game-state updates wait, foreign keys do
     * not): two invitees of one player joining at once create one party, not two.
     */
    public Uni<Void> lockPlayer(String playerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select cast(id as text) from players where id = :id for no key update", String.class)
                .setParameter("id", UUID.fromString(playerId))
                .getResultList()
                .replaceWithVoid());
    }

    public Uni<Void> invite(String inviteeId, String inviterId, long expiresAtMillis) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into party_invitations (invitee_id, inviter_id, expires_at)
                        values (:invitee, :inviter, to_timestamp(:expires / 1000.0))
                        on conflict (invitee_id, inviter_id) do update
                           set created_at = now(), expires_at = excluded.expires_at""")
                .setParameter("invitee", UUID.fromString(inviteeId))
                .setParameter("inviter", UUID.fromString(inviterId))
                .setParameter("expires", expiresAtMillis)
                .executeUpdate()
                .replaceWithVoid());
    }

    /** Who invited the player (only {@code inviterId} when not null), newest first; empty when nobody did. */
    public Uni<Optional<String>> invitation(String inviteeId, String inviterId) {
        String sql = "select cast(inviter_id as text) from party_invitations where invitee_id = :invitee"
                + " and expires_at > now()" + (inviterId == null ? "" : " and inviter_id = :inviter")
                + " order by created_at desc limit 1";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, String.class)
                    .setParameter("invitee", UUID.fromString(inviteeId));
            if (inviterId != null) {
                query.setParameter("inviter", UUID.fromString(inviterId));
            }
            return query.getResultList().map(rows -> rows.stream().findFirst());
        });
    }

    /** Every invitation of the player (they joined a party), and any that lapsed. */
    public Uni<Void> dropInvitations(String inviteeId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from party_invitations where invitee_id = :invitee or expires_at <= now()")
                .setParameter("invitee", UUID.fromString(inviteeId))
                .executeUpdate()
                .replaceWithVoid());
    }

    /** A new party of these players, joined in this order; its id. */
    public Uni<String> create(List<String> playerIds) {
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "insert into parties (id) values (:id)")
                        .setParameter("id", id)
                        .executeUpdate())
                .chain(() -> addAll(id.toString(), playerIds))
                .replaceWith(id.toString());
    }

    private Uni<Void> addAll(String partyId, List<String> playerIds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < playerIds.size(); i++) {
            String playerId = playerIds.get(i);
            int order = i;
            chain = chain.chain(() -> add(partyId, playerId, order));
        }
        return chain;
    }

    /** Adds a member; {@code order} keeps the joining order among members added in one transaction. */
    public Uni<Void> add(String partyId, String playerId, int order) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into party_members (player_id, party_id, joined_at)
                        values (:player, :party, clock_timestamp() + make_interval(secs => :order / 1000000.0))""")
                .setParameter("player", UUID.fromString(playerId))
                .setParameter("party", UUID.fromString(partyId))
                .setParameter("order", order)
                .executeUpdate()
                .replaceWithVoid());
    }

    public Uni<Void> remove(String playerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from party_members where player_id = :player")
                .setParameter("player", UUID.fromString(playerId))
                .executeUpdate()
                .replaceWithVoid());
    }

    /** Deletes the party and its memberships. */
    public Uni<Void> disband(String partyId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("delete from parties where id = :id")
                .setParameter("id", UUID.fromString(partyId))
                .executeUpdate()
                .replaceWithVoid());
    }

    private static Optional<Party> party(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Party.Member> members = new ArrayList<>();
        for (Object[] row : rows) {
            members.add(new Party.Member((String) row[1], (String) row[2], (String) row[3]));
        }
        return Optional.of(new Party((String) rows.get(0)[0], members));
    }
}
