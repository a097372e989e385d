package com.langomni.orchestrator.game;

import com.langomni.orchestrator.game.quest.QuestProgression;
import com.langomni.orchestrator.game.rules.quest.QuestTurn;
import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.RulesEngine;
import com.langomni.orchestrator.game.state.LocationStateMapper;
import com.langomni.orchestrator.game.state.LocationStateEntity;
import com.langomni.orchestrator.game.state.LocationStateRepository;
import com.langomni.orchestrator.game.state.PlayerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import com.langomni.orchestrator.game.state.PlayerSnapshot;
import com.langomni.orchestrator.game.state.StaleStateException;
import com.langomni.orchestrator.game.rules.world.WorldStatus;

/**
 * Applies one intent and commits all of it in one PostgreSQL transaction: player row, location state, quest
 * progress ({@link QuestProgression}) and event row. The location row is read without a lock; only when the rules change it is it re-read under
 * {@code SELECT ... FOR UPDATE} (and the rules re-applied if someone else changed it meanwhile), so looking
 * around never queues behind a fight.
 */
@ApplicationScoped
public class ActionTransaction {

    private final RulesEngine rules;
    private final PlayerRepository players;
    private final LocationStateRepository locations;
    private final EventLog events;
    private final QuestProgression quests;

    ActionTransaction(RulesEngine rules, PlayerRepository players, LocationStateRepository locations, EventLog events,
                      QuestProgression quests) {
        this.rules = rules;
        this.players = players;
        this.locations = locations;
        this.events = events;
        this.quests = quests;
    }

    /**
     * Fails with {@link StaleStateException} (and commits nothing) when {@code player} is not the latest state, and
     * with a unique violation ({@link ActionIdRepository#isRepeat}) when the action id was applied before: the event
     * row's insert claims the id, in the same transaction as the state change. {@code mayTalk}: whether the player's
     * conversation budget allows an NPC conversation ({@link TalkBudget}).
     */
    public Uni<Committed> apply(PlayerSnapshot player, Intent intent, String actionId, long nowMillis,
                                boolean mayTalk) {
        return apply(player, intent, actionId, nowMillis, mayTalk, WorldStatus.RUNNING);
    }

    /** As {@link #apply(PlayerSnapshot, Intent, String, long, boolean)} in the world as the admins left it. */
    @WithTransaction
    public Uni<Committed> apply(PlayerSnapshot player, Intent intent, String actionId, long nowMillis,
                                boolean mayTalk, WorldStatus status) {
        String locationId = player.state().locationId();
        return row(locationId).chain(row -> {
            LocationState seen = LocationStateMapper.toState(row);
            long started = System.nanoTime();
            Outcome outcome = rules.apply(player.state(), seen, intent, nowMillis, mayTalk, status);
            long rulesNanos = System.nanoTime() - started;
            if (outcome.location().equals(seen)) {
                return write(player, row, seen, outcome, intent, actionId, nowMillis, rulesNanos);
            }
            return locations.lock(row).chain(locked -> {
                LocationState current = LocationStateMapper.toState(locked);
                if (current.equals(seen)) {
                    return write(player, locked, current, outcome, intent, actionId, nowMillis, rulesNanos);
                }
                long again = System.nanoTime();
                Outcome decided = rules.apply(player.state(), current, intent, nowMillis, mayTalk, status);
                return write(player, locked, current, decided, intent, actionId, nowMillis,
                        rulesNanos + System.nanoTime() - again);
            });
        });
    }

    /** The quest rules after the engine's (same transaction): progress and rewards are part of the action. */
    private Uni<Committed> write(PlayerSnapshot player, LocationStateEntity row, LocationState before,
                                 Outcome decided, Intent intent, String actionId, long nowMillis, long rulesNanos) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        return quests.apply(intent, decided, now).chain(turn -> write(player, row, before, turn, intent, actionId,
                nowMillis, rulesNanos));
    }

    private Uni<Committed> write(PlayerSnapshot player, LocationStateEntity row, LocationState before,
                                 QuestTurn quest, Intent intent, String actionId, long nowMillis, long rulesNanos) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        Outcome outcome = quest.outcome();
        PlayerState after = outcome.player();
        if (!outcome.location().equals(before)) {
            LocationStateMapper.copy(outcome.location(), row, now);
        }
        // A change to the shared location is checked against the player's version too: acting from a stale copy
        // of the player (say, in the room they already left) must fail here, not change the wrong room.
        boolean nothingChanged = after.equals(player.state()) && outcome.location().equals(before);
        Uni<PlayerSnapshot> saved = nothingChanged
                ? Uni.createFrom().item(player)
                : players.updateState(UUID.fromString(after.id()), player.version(), after.locationId(), after.hp(),
                                after.maxHp(), after.inventory())
                        .map(rows -> {
                            if (rows == 0) {
                                throw new StaleStateException(after.id());
                            }
                            return player.next(after);
                        });
        return saved
                .call(() -> quests.save(quest, now))
                .call(() -> events.append(after.id(), before.locationId(), actionId, intent, outcome, now))
                .chain(snapshot -> currentLocation(after.locationId(), outcome.location())
                        .map(current -> new Committed(player, snapshot, outcome, current, rulesNanos,
                                quest.updates())));
    }

    /** The location the player ended up in: the one acted in, or the destination of a move. */
    private Uni<LocationState> currentLocation(String locationId, LocationState actedIn) {
        if (locationId.equals(actedIn.locationId())) {
            return Uni.createFrom().item(actedIn);
        }
        return row(locationId).map(LocationStateMapper::toState);
    }

    /** The location's row, created from the pack's initial state the first time anyone acts there. */
    private Uni<LocationStateEntity> row(String locationId) {
        return locations.findById(locationId).chain(found -> found != null
                ? Uni.createFrom().item(found)
                : locations.insertIfAbsent(LocationStateMapper.newRow(rules.initialState(locationId)))
                        .chain(() -> locations.findById(locationId)));
    }
}
