package com.langomni.orchestrator.party;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Verb;
import com.langomni.api.protocol.EventFrame;
import com.langomni.api.protocol.EventKinds;
import com.langomni.orchestrator.game.Committed;
import com.langomni.orchestrator.game.EventLog;
import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.rules.RulesEngine;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.state.LocationStateMapper;
import com.langomni.orchestrator.game.state.LocationStateRepository;
import com.langomni.orchestrator.game.state.PlayerSnapshot;
import com.langomni.orchestrator.session.Publisher;
import com.langomni.orchestrator.trade.OfferStore;
import com.langomni.words.SocialLines;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * INVITE, JOIN, LEAVE, PARTY and PSAY: each in one PostgreSQL transaction with its event row (which claims the
 * action id). {@link PartyRules} decide; joins and leaves lock the party's row (and a party's founding, the
 * inviter's player row), so the size limit holds however many join at once. After the commit the members hear of
 * it wherever they are, through their outboxes; party chat is screened by moderation like {@code say} before it
 * gets here.
 */
@ApplicationScoped
public class PartyActions {

    private static final Set<Verb> VERBS = EnumSet.of(Verb.INVITE, Verb.JOIN, Verb.LEAVE, Verb.PARTY, Verb.PSAY);

    private final PartyStore store;
    private final OfferStore players;
    private final Parties parties;
    private final RulesEngine engine;
    private final LocationStateRepository locations;
    private final EventLog events;
    private final Publisher publisher;
    private final PartyConfig config;
    private final PartyRules rules;

    PartyActions(PartyStore store, OfferStore players, Parties parties, RulesEngine engine,
                 LocationStateRepository locations, EventLog events, Publisher publisher, PartyConfig config) {
        this.store = store;
        this.players = players;
        this.parties = parties;
        this.engine = engine;
        this.locations = locations;
        this.events = events;
        this.publisher = publisher;
        this.config = config;
        this.rules = new PartyRules(config.maxSize());
    }

    public boolean handles(Verb verb) {
        return VERBS.contains(verb);
    }

    /** Who hears what once the action is committed. */
    private record Done(Committed committed, List<String> to, String text) {
    }

    public Uni<Committed> apply(PlayerSnapshot snapshot, Intent intent, String actionId, long now) {
        PlayerState me = snapshot.state();
        return Panache.withTransaction(() -> here(me.locationId()).chain(here -> decide(me, here, intent, now)
                        .chain(outcome -> events.append(me.id(), here.locationId(), actionId, intent, outcome.outcome,
                                        Instant.ofEpochMilli(now))
                                .replaceWith(new Done(new Committed(snapshot, snapshot, outcome.outcome, here, 0),
                                        outcome.to, outcome.text)))))
                .call(this::tell)
                .map(Done::committed);
    }

    private record Decided(Outcome outcome, List<String> to, String text) {
        static Decided alone(Outcome outcome) {
            return new Decided(outcome, List.of(), null);
        }
    }

    private Uni<Decided> decide(PlayerState me, LocationState here, Intent intent, long now) {
        return switch (intent.verb()) {
            case INVITE -> invite(me, here, intent, now);
            case JOIN -> join(me, here, intent);
            case LEAVE -> leave(me, here, intent);
            case PARTY -> show(me, here, intent);
            case PSAY -> say(me, here, intent);
            default -> throw new IllegalArgumentException("not a party action: " + intent.verb());
        };
    }

    private Uni<Decided> invite(PlayerState me, LocationState here, Intent intent, long now) {
        Uni<Optional<PlayerState>> named = intent.target() == null || intent.withheld()
                ? Uni.createFrom().item(Optional.empty()) : players.byName(intent.target());
        return store.of(me.id()).chain(mine -> named.chain(invitee -> (invitee.isEmpty()
                ? Uni.createFrom().item(Optional.<Party>empty()) : store.of(invitee.get().id()))
                .chain(theirs -> {
                    Outcome outcome = rules.invite(me, here, intent, mine.orElse(null), invitee.orElse(null),
                            theirs.orElse(null));
                    if (!(outcome.facts() instanceof Facts.PartyInvited f)) {
                        return Uni.createFrom().item(Decided.alone(outcome));
                    }
                    return store.invite(f.player(), me.id(), now + config.inviteTtl().toMillis())
                            .replaceWith(new Decided(outcome, List.of(f.player()), SocialLines.invited(me.name())));
                })));
    }

    private Uni<Decided> join(PlayerState me, LocationState here, Intent intent) {
        Uni<Optional<String>> from = intent.target() == null ? Uni.createFrom().item(Optional.empty())
                : players.byName(intent.target()).map(found -> found.map(PlayerState::id));
        return store.of(me.id()).chain(mine -> from.chain(named -> {
            if (intent.target() != null && named.isEmpty()) {
                return Uni.createFrom().item(Decided.alone(rules.join(me, here, intent, mine.orElse(null), null, null,
                        null)));
            }
            return store.invitation(me.id(), named.orElse(null)).chain(inviter -> {
                if (mine.isPresent() || inviter.isEmpty()) {
                    return Uni.createFrom().item(Decided.alone(rules.join(me, here, intent, mine.orElse(null), null,
                            null, null)));
                }
                String inviterId = inviter.get();
                // the inviter's row first (their party may not exist yet), then their party's row
                return store.lockPlayer(inviterId)
                        .chain(() -> store.of(inviterId))
                        .call(party -> party.map(p -> store.lock(p.id())).orElse(Uni.createFrom().voidItem()))
                        .chain(() -> store.of(inviterId)) // read again under the lock
                        .chain(party -> players.name(inviterId).chain(inviterName -> {
                            Outcome outcome = rules.join(me, here, intent, null, inviterId, inviterName,
                                    party.orElse(null));
                            if (!outcome.success()) {
                                return Uni.createFrom().item(Decided.alone(outcome));
                            }
                            Uni<Void> joined = party.isPresent()
                                    ? store.add(party.get().id(), me.id(), 0)
                                    : store.create(List.of(inviterId, me.id())).replaceWithVoid();
                            List<String> others = party.map(p -> p.members().stream().map(Party.Member::id).toList())
                                    .orElse(List.of(inviterId));
                            return joined.chain(() -> store.dropInvitations(me.id()))
                                    .replaceWith(new Decided(outcome, others, SocialLines.joined(me.name())));
                        }));
            });
        }));
    }

    private Uni<Decided> leave(PlayerState me, LocationState here, Intent intent) {
        return store.of(me.id()).chain(mine -> {
            if (mine.isEmpty()) {
                return Uni.createFrom().item(Decided.alone(rules.leave(me, here, intent, null)));
            }
            return store.lock(mine.get().id()).chain(() -> store.of(me.id())).chain(locked -> {
                Outcome outcome = rules.leave(me, here, intent, locked.orElse(null));
                if (locked.isEmpty()) {
                    return Uni.createFrom().item(Decided.alone(outcome));
                }
                Party party = locked.get();
                List<String> others = party.others(me.id()).stream().map(Party.Member::id).toList();
                Uni<Void> gone = others.size() < 2 ? store.disband(party.id()) : store.remove(me.id());
                return gone.replaceWith(new Decided(outcome, others, SocialLines.left(me.name())));
            });
        });
    }

    private Uni<Decided> show(PlayerState me, LocationState here, Intent intent) {
        return store.of(me.id()).chain(mine -> mine.isEmpty()
                ? Uni.createFrom().item(Decided.alone(rules.show(me, here, intent, null, parties::placeName, Set.of())))
                : parties.online(mine.get()).map(online -> Decided.alone(rules.show(me, here, intent, mine.get(),
                        parties::placeName, online))));
    }

    private Uni<Decided> say(PlayerState me, LocationState here, Intent intent) {
        return store.of(me.id()).map(mine -> {
            Outcome outcome = rules.say(me, here, intent, mine.orElse(null));
            if (!(outcome.facts() instanceof Facts.PartySaid f)) {
                return Decided.alone(outcome);
            }
            return new Decided(outcome, mine.get().others(me.id()).stream().map(Party.Member::id).toList(),
                    SocialLines.said(me.name(), f));
        });
    }

    private Uni<LocationState> here(String locationId) {
        return locations.findById(locationId).map(row -> row == null ? engine.initialState(locationId)
                : LocationStateMapper.toState(row));
    }

    /** Each member concerned hears of it (best effort: the action is committed). */
    private Uni<Void> tell(Done done) {
        if (done.to().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String actor = done.committed().after().state().name();
        EventFrame frame = EventFrame.of(EventKinds.PARTY, actor, done.text());
        List<Uni<Void>> sent = new ArrayList<>();
        done.to().forEach(id -> sent.add(publisher.event(id, frame)));
        return Uni.join().all(sent).andCollectFailures().replaceWithVoid().onFailure().recoverWithNull();
    }
}
