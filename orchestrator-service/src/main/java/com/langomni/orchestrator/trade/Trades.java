package com.langomni.orchestrator.trade;

import com.langomni.api.game.ActionResult;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import com.langomni.api.outcome.Verb;
import com.langomni.api.protocol.EventFrame;
import com.langomni.api.protocol.EventKinds;
import com.langomni.orchestrator.game.Committed;
import com.langomni.orchestrator.game.EventLog;
import com.langomni.orchestrator.game.ViewService;
import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.rules.RulesEngine;
import com.langomni.orchestrator.game.rules.Trading;
import com.langomni.orchestrator.game.rules.Views;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.Offer;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.state.LocationStateMapper;
import com.langomni.orchestrator.game.state.LocationStateRepository;
import com.langomni.orchestrator.game.state.PlayerRepository;
import com.langomni.orchestrator.game.state.PlayerSnapshot;
import com.langomni.orchestrator.game.state.PlayerStateStore;
import com.langomni.orchestrator.game.state.StaleStateException;
import com.langomni.orchestrator.narration.Narration;
import com.langomni.orchestrator.session.Publisher;
import com.langomni.words.SocialLines;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Trading between players: OFFER, ACCEPT, DECLINE, CANCEL, each in one PostgreSQL transaction with its event row
 * (which claims the action id, as for every action). The rules ({@link Trading}) decide; this loads what they need
 * and commits what they decided. ACCEPT runs under both players' turn locks, taken in id order by the pipeline
 * ({@link #partner}, {@code PlayerLock.withTurns}), and locks both player rows in id order in its transaction: the
 * swap commits both packs and the offer's deletion together, or nothing.
 * After the commit the other player hears of it (their outbox), and after an accepted trade gets their new state.
 */
@ApplicationScoped
public class Trades {

    private static final Set<Verb> VERBS = EnumSet.of(Verb.OFFER, Verb.ACCEPT, Verb.DECLINE, Verb.CANCEL);

    private final RulesEngine rules;
    private final OfferStore offers;
    private final PlayerRepository players;
    private final LocationStateRepository locations;
    private final EventLog events;
    private final PlayerStateStore hot;
    private final Publisher publisher;
    private final ViewService views;
    private final TradeConfig config;

    Trades(RulesEngine rules, OfferStore offers, PlayerRepository players, LocationStateRepository locations,
           EventLog events, PlayerStateStore hot, Publisher publisher, ViewService views, TradeConfig config) {
        this.rules = rules;
        this.offers = offers;
        this.players = players;
        this.locations = locations;
        this.events = events;
        this.hot = hot;
        this.publisher = publisher;
        this.views = views;
        this.config = config;
    }

    public boolean handles(Verb verb) {
        return VERBS.contains(verb);
    }

    /**
     * The player whose lock an action needs besides the actor's: for ACCEPT the maker of the offer it would accept
     * (read without locks; the transaction checks it again), null for anything else or when no offer waits.
     */
    public Uni<String> partner(String playerId, Intent intent) {
        if (intent.verb() != Verb.ACCEPT || intent.withheld()) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> incoming(playerId, intent.target(), false))
                .map(found -> found.map(Offer::fromId).orElse(null))
                .onFailure().recoverWithNull();
    }

    /** A change of the other side of a trade, told once the transaction committed. */
    private record Done(Committed committed, String otherId, String text, PlayerSnapshot otherAfter) {
        static Done alone(Committed committed) {
            return new Done(committed, null, null, null);
        }
    }

    public Uni<Committed> apply(PlayerSnapshot snapshot, Intent intent, String actionId, long now) {
        return Panache.withTransaction(() -> switch (intent.verb()) {
                    case OFFER -> offer(snapshot, intent, actionId, now);
                    case ACCEPT -> accept(snapshot, intent, actionId, now);
                    case DECLINE -> decline(snapshot, intent, actionId, now);
                    case CANCEL -> cancel(snapshot, intent, actionId, now);
                    default -> throw new IllegalArgumentException("not a trade: " + intent.verb());
                })
                .call(this::tell)
                .map(Done::committed);
    }

    private Uni<Done> offer(PlayerSnapshot snapshot, Intent intent, String actionId, long now) {
        PlayerState player = snapshot.state();
        String name = Trading.recipientName(intent.topic());
        Uni<Optional<PlayerState>> recipient = name == null ? Uni.createFrom().item(Optional.empty())
                : offers.byName(name);
        long ttl = config.offerTtl().toSeconds();
        return here(player.locationId()).chain(here -> recipient.chain(found -> {
            Outcome outcome = rules.offer(player, here, intent, found.orElse(null), ttl, now);
            Uni<Void> kept = outcome.facts() instanceof Facts.TradeOffered f
                    ? offers.put(new Offer(player.id(), f.player(), player.locationId(), f.item(), f.wanted(),
                            now + config.offerTtl().toMillis()))
                    : Uni.createFrom().voidItem();
            return kept.chain(() -> log(snapshot, snapshot, here, intent, outcome, actionId, now))
                    .map(committed -> outcome.facts() instanceof Facts.TradeOffered f
                            ? new Done(committed, f.player(), SocialLines.offered(player.name(), f), null)
                            : Done.alone(committed));
        }));
    }

    private Uni<Done> accept(PlayerSnapshot snapshot, Intent intent, String actionId, long now) {
        PlayerState player = snapshot.state();
        return incoming(player.id(), intent.target(), true).chain(found -> {
            if (found.isEmpty()) {
                return here(player.locationId()).chain(here -> {
                    Outcome refused = rules.accept(player, here, intent, null, null, intent.target(), now).outcome();
                    return log(snapshot, snapshot, here, intent, refused, actionId, now).map(Done::alone);
                });
            }
            Offer offer = found.get();
            return offers.lockPlayers(player.id(), offer.fromId()).chain(locked -> {
                PlayerSnapshot me = locked.get(player.id());
                if (me == null || me.version() != snapshot.version()) {
                    throw new StaleStateException(player.id()); // the pipeline reloads the player and tries again
                }
                PlayerSnapshot offerer = locked.get(offer.fromId());
                return here(player.locationId()).chain(here -> {
                    Trading.Swap swap = rules.accept(player, here, intent, offer,
                            offerer == null ? null : offerer.state(), intent.target(), now);
                    Outcome outcome = swap.outcome();
                    if (!outcome.success()) {
                        boolean gone = outcome.facts() instanceof Facts.Refused r && r.reason() == Refusal.OFFER_VOID;
                        Uni<Void> ended = gone ? offers.delete(offer.fromId()) : Uni.createFrom().voidItem();
                        return ended.<Committed>chain(() -> log(snapshot, snapshot, here, intent, outcome, actionId,
                                now)).map(Done::alone);
                    }
                    PlayerSnapshot mine = snapshot.next(outcome.player());
                    PlayerSnapshot theirs = offerer.next(swap.offerer());
                    var f = (Facts.TradeAccepted) outcome.facts();
                    return write(snapshot, outcome.player())
                            .chain(() -> write(offerer, swap.offerer()))
                            .chain(() -> offers.delete(offer.fromId()))
                            .chain(() -> log(snapshot, mine, here, intent, outcome, actionId, now))
                            .map(committed -> new Done(committed, offerer.state().id(),
                                    SocialLines.accepted(player.name(), f), theirs));
                });
            });
        });
    }

    private Uni<Done> decline(PlayerSnapshot snapshot, Intent intent, String actionId, long now) {
        PlayerState player = snapshot.state();
        return incoming(player.id(), intent.target(), true).chain(found -> here(player.locationId())
                .chain(here -> (found.isEmpty() ? Uni.createFrom().<String>nullItem() : offers.name(found.get().fromId()))
                        .chain(offererName -> {
                            Outcome outcome = rules.decline(player, here, intent, found.orElse(null), offererName,
                                    intent.target(), now);
                            Uni<Void> ended = outcome.success() ? offers.delete(found.get().fromId())
                                    : Uni.createFrom().voidItem();
                            return ended.chain(() -> log(snapshot, snapshot, here, intent, outcome, actionId, now))
                                    .map(committed -> outcome.facts() instanceof Facts.TradeDeclined f
                                            ? new Done(committed, f.player(), SocialLines.declined(player.name(), f),
                                                    null)
                                            : Done.alone(committed));
                        })));
    }

    private Uni<Done> cancel(PlayerSnapshot snapshot, Intent intent, String actionId, long now) {
        PlayerState player = snapshot.state();
        return offers.own(player.id()).chain(own -> here(player.locationId())
                .chain(here -> (own.isEmpty() ? Uni.createFrom().<String>nullItem() : offers.name(own.get().toId()))
                        .chain(recipientName -> {
                            Outcome outcome = rules.cancel(player, here, intent, own.orElse(null), recipientName, now);
                            Uni<Void> ended = outcome.success() ? offers.delete(player.id())
                                    : Uni.createFrom().voidItem();
                            return ended.chain(() -> log(snapshot, snapshot, here, intent, outcome, actionId, now))
                                    .map(committed -> outcome.facts() instanceof Facts.TradeCancelled f
                                            ? new Done(committed, f.player(), SocialLines.cancelled(player.name(), f),
                                                    null)
                                            : Done.alone(committed));
                        })));
    }

    /** The offer waiting for the player, from the player named (none when nobody has that name) or the newest. */
    private Uni<Optional<Offer>> incoming(String playerId, String named, boolean lock) {
        if (named == null) {
            return offers.incoming(playerId, null, lock);
        }
        return offers.byName(named).chain(from -> from.isEmpty() ? Uni.createFrom().item(Optional.<Offer>empty())
                : offers.incoming(playerId, from.get().id(), lock));
    }

    private Uni<Void> write(PlayerSnapshot before, PlayerState after) {
        return players.updateState(UUID.fromString(after.id()), before.version(), after.locationId(), after.hp(),
                after.maxHp(), after.inventory()).invoke(rows -> {
                    if (rows == 0) {
                        throw new StaleStateException(after.id());
                    }
                }).replaceWithVoid();
    }

    private Uni<Committed> log(PlayerSnapshot before, PlayerSnapshot after, LocationState here, Intent intent,
                               Outcome outcome, String actionId, long now) {
        return events.append(before.state().id(), here.locationId(), actionId, intent, outcome,
                        Instant.ofEpochMilli(now))
                .replaceWith(new Committed(before, after, outcome, here, 0));
    }

    private Uni<LocationState> here(String locationId) {
        return locations.findById(locationId).map(row -> row == null ? rules.initialState(locationId)
                : LocationStateMapper.toState(row));
    }

    /**
     * The other side hears of it; after a trade their hot copy is written through and they get a result frame with
     * their new pack. Best effort: the trade is committed, a failure here is only logged.
     */
    private Uni<Void> tell(Done done) {
        if (done.otherId() == null) {
            return Uni.createFrom().voidItem();
        }
        String actor = done.committed().after().state().name();
        if (done.otherAfter() == null) {
            return publisher.event(done.otherId(), EventFrame.of(EventKinds.TRADE, actor, done.text()));
        }
        PlayerState other = done.otherAfter().state();
        return hot.put(done.otherAfter())
                .chain(() -> views.location(other.locationId()))
                .chain(location -> publisher.result(other.id(), new ActionResult("trade-" + UUID.randomUUID(),
                        done.text(), Narration.SOURCE_RULES, Views.player(rules.world(), other), location)))
                .replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("Telling %s of a trade failed: %s", other.id(),
                        failure.toString()))
                .onFailure().recoverWithNull();
    }
}
