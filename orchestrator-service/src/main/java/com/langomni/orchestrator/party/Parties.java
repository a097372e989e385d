package com.langomni.orchestrator.party;

import com.langomni.api.game.PartyView;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.session.Presence;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.UUID;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What other features may ask about parties (shared party quests, the Play page's party panel). Reads the pool
 * directly, like the hot cache's misses: callable from any thread, in or out of a Hibernate session, and it sees
 * what is committed.
 */
@ApplicationScoped
public class Parties {

    private static final String MEMBERS = """
            select cast(m.party_id as text) as party, cast(p.id as text) as id, p.name, p.location_id
              from party_members m join players p on p.id = m.player_id
             where m.party_id = (select party_id from party_members where player_id = $1)
             order by m.joined_at, p.id""";

    private final Pool pool;
    private final Presence presence;
    private final World world;
    private final PartyConfig config;

    Parties(Pool pool, Presence presence, World world, PartyConfig config) {
        this.pool = pool;
        this.presence = presence;
        this.world = world;
        this.config = config;
    }

    /**
     * The ids of every member of the player's party, the player among them, in the order they joined (the leader
     * first); empty when the player is in no party. Reads PostgreSQL (in the caller's session if it has one).
     */
    public Uni<List<String>> members(String playerId) {
        return of(playerId)
                .map(found -> found.map(party -> party.members().stream().map(Party.Member::id).toList())
                        .orElse(List.of()));
    }

    /** The player's party as the Play page shows it: who, where, who is online. */
    public Uni<PartyView> view(String playerId) {
        return of(playerId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(new PartyView(List.of(), config.maxSize()));
            }
            Party party = found.get();
            return online(party).map(online -> new PartyView(PartyRules.view(party, this::placeName, online),
                    config.maxSize()));
        });
    }

    /** The player's party as committed, members in the order they joined; empty when in none. */
    public Uni<Optional<Party>> of(String playerId) {
        return pool.preparedQuery(MEMBERS).execute(Tuple.of(UUID.fromString(playerId))).map(rows -> {
            List<Party.Member> members = new ArrayList<>();
            String partyId = null;
            for (Row row : rows) {
                partyId = row.getString("party");
                members.add(new Party.Member(row.getString("id"), row.getString("name"), row.getString("location_id")));
            }
            return partyId == null ? Optional.<Party>empty() : Optional.of(new Party(partyId, members));
        });
    }

    /** The members online now (Redis down: none are said to be). */
    Uni<Set<String>> online(Party party) {
        Uni<Set<String>> all = Uni.createFrom().item(new HashSet<>());
        for (Party.Member m : party.members()) {
            all = all.chain(set -> presence.isOnline(m.id()).onFailure().recoverWithItem(false).map(on -> {
                if (on) {
                    set.add(m.id());
                }
                return set;
            }));
        }
        return all;
    }

    String placeName(String locationId) {
        return Optional.ofNullable(locationId).flatMap(world::location).map(Location::name).orElse(locationId);
    }
}
