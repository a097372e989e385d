package com.langomni.orchestrator.party;

import com.langomni.api.game.PartyView;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.session.Presence;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What other features may ask about parties (shared party quests, the Play page's party panel). */
@ApplicationScoped
public class Parties {

    private final PartyStore store;
    private final Presence presence;
    private final World world;
    private final PartyConfig config;

    Parties(PartyStore store, Presence presence, World world, PartyConfig config) {
        this.store = store;
        this.presence = presence;
        this.world = world;
        this.config = config;
    }

    /**
     * The ids of every member of the player's party, the player among them, in the order they joined (the leader
     * first); empty when the player is in no party. Reads PostgreSQL (in the caller's session if it has one).
     */
    public Uni<List<String>> members(String playerId) {
        return Panache.withSession(() -> store.of(playerId))
                .map(found -> found.map(party -> party.members().stream().map(Party.Member::id).toList())
                        .orElse(List.of()));
    }

    /** The player's party as the Play page shows it: who, where, who is online. */
    public Uni<PartyView> view(String playerId) {
        return Panache.withSession(() -> store.of(playerId)).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(new PartyView(List.of(), config.maxSize()));
            }
            Party party = found.get();
            return online(party).map(online -> new PartyView(PartyRules.view(party, this::placeName, online),
                    config.maxSize()));
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
