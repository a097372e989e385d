package com.langomni.orchestrator.game;

import com.langomni.orchestrator.world.WorldControl;
import com.langomni.api.game.ActionAck;
import com.langomni.api.game.ActionRequest;
import com.langomni.api.game.ActionResult;
import com.langomni.api.game.PlayerRef;
import com.langomni.api.game.PlayerView;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.api.protocol.ErrorFrame;
import com.langomni.api.protocol.EventFrame;
import com.langomni.api.protocol.ResultFrame;
import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.NpcTalk;
import com.langomni.orchestrator.game.rules.Parser;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.RoomEventSpec;
import com.langomni.orchestrator.game.rules.RulesEngine;
import com.langomni.orchestrator.game.rules.Views;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.words.QuestText;
import com.langomni.orchestrator.intent.IntentResolver;
import com.langomni.orchestrator.intent.Understood;
import com.langomni.words.RoomLines;
import com.langomni.words.Understanding;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.common.Saturation;
import com.langomni.orchestrator.game.state.PlayerLock;
import com.langomni.orchestrator.game.state.PlayerSnapshot;
import com.langomni.orchestrator.game.state.PlayerStateStore;
import com.langomni.orchestrator.game.state.StaleStateException;
import com.langomni.orchestrator.memory.MemoryWriter;
import com.langomni.orchestrator.moderation.Moderation;
import com.langomni.orchestrator.narration.Narration;
import com.langomni.orchestrator.narration.NarrationContext;
import com.langomni.orchestrator.narration.Narrator;
import com.langomni.orchestrator.npc.NpcConversations;
import com.langomni.orchestrator.party.PartyActions;
import com.langomni.orchestrator.trade.Trades;
import com.langomni.orchestrator.session.Presence;
import com.langomni.orchestrator.session.Publisher;
import com.langomni.orchestrator.session.RoomHistory;
import com.langomni.orchestrator.session.RoomRoster;

/**
 * The action pipeline: admission, rate limit and per-player lock (one Redis script), parse, moderation of the
 * player's words (flagged: the rules refuse the action, {@code Refusal.WITHHELD}), load, rules + commit
 * (the action id claimed with the state change: a repeat gets the original answer), queue the memories it leaves,
 * narrate (streamed deltas go out as they come), answer through the player's outbox (result or refusal alike).
 * Each step is its own bean; this class only puts them in order.
 */
@ApplicationScoped
public class ActionService {

    static final int MAX_ID = 64;

    private final GameConfig config;
    private final Admission admission;
    private final PlayerLock lock;
    private final Parser parser;
    private final PlayerStateStore players;
    private final ActionTransaction transaction;
    private final Presence presence;
    private final RoomRoster roster;
    private final RoomHistory history;
    private final Narrator narrator;
    private final NpcConversations conversations;
    private final MemoryWriter memories;
    private final Publisher publisher;
    private final ActionMetrics metrics;
    private final World world;
    private final OriginalAnswers originals;
    private final TalkBudget talks;
    private final Moderation moderation;
    private final WorldControl worldControl;
    private final Trades trades;
    private final PartyActions partyActions;
    private final IntentResolver intents;

    ActionService(GameConfig config, Admission admission, PlayerLock lock, Parser parser,
                  PlayerStateStore players, ActionTransaction transaction, Presence presence, RoomRoster roster,
                  RoomHistory history, Narrator narrator, NpcConversations conversations, MemoryWriter memories,
                  Publisher publisher, ActionMetrics metrics, World world, OriginalAnswers originals,
                  TalkBudget talks, Moderation moderation, WorldControl worldControl, Trades trades,
                  PartyActions partyActions, IntentResolver intents) {
        this.moderation = moderation;
        this.worldControl = worldControl;
        this.trades = trades;
        this.partyActions = partyActions;
        this.intents = intents;
        this.config = config;
        this.admission = admission;
        this.lock = lock;
        this.parser = parser;
        this.players = players;
        this.transaction = transaction;
        this.presence = presence;
        this.roster = roster;
        this.history = history;
        this.narrator = narrator;
        this.conversations = conversations;
        this.memories = memories;
        this.publisher = publisher;
        this.metrics = metrics;
        this.world = world;
        this.originals = originals;
        this.talks = talks;
    }

    /** The public HTTP path: the result in the body (it also goes to the player's outbox). */
    public Uni<ActionResult> perform(String playerId, ActionRequest request) {
        return answer(playerId, request).map(Answer::result);
    }

    /**
     * The gateway's path: the answer, result or refusal, goes to the player through the outbox the same way
     * ({@link Publisher#answer}), and the gateway gets its acknowledgement. Only what is no answer to an action
     * stays an HTTP error: a caller not admitted (401/403), a request without a usable id.
     */
    public Uni<ActionAck> acknowledge(String playerId, ActionRequest request) {
        return answer(playerId, request).map(Answer::ack)
                .onFailure(failure -> answerable(request, failure))
                .recoverWithUni(failure -> publisher.answer(playerId, request.id(),
                        publisher.write(refusal(playerId, request.id(), failure)), null));
    }

    private Uni<Answer> answer(String playerId, ActionRequest request) {
        long received = System.nanoTime();
        return Uni.createFrom().item(request)
                .invoke(this::validate)
                // a trade accepted changes two players: both turns are taken, in id order (PlayerLock.withTurns)
                .chain(() -> trades.partner(playerId, parser.parse(request.text())))
                .chain(partner -> admission.<Answer>action(leave -> lock.withTurns(playerId, partner,
                        admitNanos -> metrics.stage(ActionStage.RATE_LIMIT, admitNanos), waitNanos -> {
                            metrics.stage(ActionStage.LOCK_WAIT, waitNanos);
                            return run(playerId, request, received, leave);
                        })))
                .onFailure(Saturation::is).transform(failure -> ApiException.overloaded("the game is at capacity"))
                .onFailure(ApiException.class).invoke(failure -> metrics.rejected(((ApiException) failure).code()));
    }

    private static boolean answerable(ActionRequest request, Throwable failure) {
        if (request == null || request.id() == null || request.id().isBlank() || request.id().length() > MAX_ID) {
            return false;
        }
        return !(failure instanceof ApiException api) || (api.status() != 401 && api.status() != 403);
    }

    /** The error frame of a refused (ApiException: its code) or failed action; nothing of it was applied. */
    private static ErrorFrame refusal(String playerId, String actionId, Throwable failure) {
        if (failure instanceof ApiException api) {
            return ErrorFrame.of(actionId, api.code(), api.getMessage());
        }
        Log.warnf(failure, "Action %s of player %s failed", actionId, playerId);
        return ErrorFrame.of(actionId, ErrorCodes.UNAVAILABLE,
                "The game could not take this action now; sending it again (same id) is safe.");
    }

    private void validate(ActionRequest request) {
        if (request == null || request.id() == null || request.id().isBlank()) {
            throw ApiException.badRequest("an action needs an id");
        }
        if (request.id().length() > MAX_ID) {
            throw ApiException.badRequest("an action id has at most " + MAX_ID + " characters");
        }
        if (request.text() == null || request.text().isBlank()) {
            throw ApiException.badRequest("an action needs text");
        }
        if (request.text().length() > config.maxActionLength()) {
            throw ApiException.tooLarge("an action has at most " + config.maxActionLength() + " characters");
        }
        if (request.text().indexOf('\0') >= 0) { // PostgreSQL text cannot hold it: the event log would refuse it
            throw ApiException.badRequest("an action cannot contain a NUL character");
        }
    }

    /**
     * {@code received}: when the action came in (nanoTime), the start of its latency and time to first token.
     * {@code leave} gives the admission slot back once the state work is done: narration (seconds with an LLM)
     * has its own limits and holds no pooled connection, so it does not count against the replica's actions.
     */
    /** Withheld words (moderation) are refused by the rules: no conversation is counted against the budget. */
    private Uni<Boolean> mayTalk(String playerId, Intent intent) {
        return intent.withheld() ? Uni.createFrom().item(true) : talks.allows(playerId, intent.verb());
    }

    private Uni<Answer> run(String playerId, ActionRequest request, long received, Runnable leave) {
        Intent parsed = parser.parse(request.text());
        return metrics.timed(ActionStage.MODERATION, () -> moderation.screen(playerId, request.id(), parsed))
                .chain(screened -> metrics.timed(ActionStage.INTENT, () -> intents.resolve(playerId, screened)))
                .chain(understood -> mayTalk(playerId, understood.intent()).chain(mayTalk -> apply(playerId, request,
                        understood, mayTalk, received, System.currentTimeMillis(), leave)))
                .onFailure(ActionIdRepository::isRepeat).recoverWithUni(() -> {
                    leave.run();
                    metrics.repeated();
                    return originals.answer(playerId, request.id());
                });
    }

    private Uni<Answer> apply(String playerId, ActionRequest request, Understood understood, boolean mayTalk,
                              long received, long now, Runnable leave) {
        Intent intent = understood.intent();
        return metrics.timed(ActionStage.LOAD, () -> players.get(playerId))
                .map(found -> found.orElseThrow(() -> ApiException.unauthorized("no such player")))
                .chain(snapshot -> commit(snapshot, intent, mayTalk, request.id(), now))
                .onFailure(StaleStateException.class).recoverWithUni(() -> metrics.timed(ActionStage.LOAD,
                                () -> players.reload(playerId))
                        .map(found -> found.orElseThrow(() -> ApiException.unauthorized("no such player")))
                        .chain(fresh -> commit(fresh, intent, mayTalk, request.id(), now)))
                .call(committed -> countTalk(playerId, committed))
                .call(committed -> metrics.timed(ActionStage.FANOUT, () -> afterCommit(committed)))
                .call(committed -> metrics.timed(ActionStage.MEMORY_QUEUE, () -> memories.events(committed)))
                .call(committed -> intents.remember(playerId, intent, committed.outcome().success()))
                .invoke(leave)
                .chain(committed -> respond(committed, request, understood, now, received)
                        .invoke(answer -> metrics.applied(committed.outcome().verb(),
                                committed.outcome().success(), answer.result().source(),
                                Duration.ofNanos(System.nanoTime() - received))));
    }

    /** The rules and the transaction, timed apart: the rules' own time is measured inside the transaction. */
    private Uni<Committed> commit(PlayerSnapshot snapshot, Intent intent, boolean mayTalk, String actionId, long now) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            // while the world is paused the rules refuse what would change it, trades included
            Uni<Committed> applied = worldControl.status().chain(status -> status.paused()
                            && !RulesEngine.ALLOWED_WHILE_PAUSED.contains(intent.verb())
                            || !trades.handles(intent.verb()) && !partyActions.handles(intent.verb())
                    ? transaction.apply(snapshot, intent, actionId, now, mayTalk, status)
                    : trades.handles(intent.verb()) ? trades.apply(snapshot, intent, actionId, now)
                    : partyActions.apply(snapshot, intent, actionId, now));
            return applied.invoke(committed -> {
                metrics.stage(ActionStage.RULES, committed.rulesNanos());
                metrics.stage(ActionStage.PERSIST, System.nanoTime() - started - committed.rulesNanos());
            });
        });
    }

    /** A conversation that happened counts against the player's budget; one refused for it is counted apart. */
    private Uni<Void> countTalk(String playerId, Committed committed) {
        if (committed.outcome().npcTalk() != null) {
            return talks.spend(playerId);
        }
        if (committed.outcome().facts() instanceof Facts.Refused refused && refused.reason() == Refusal.TALKED_OUT) {
            talks.refused();
        }
        return Uni.createFrom().voidItem();
    }

    /** Write-through of the hot state, presence follows a move, and the room sees what happened at once. */
    private Uni<Void> afterCommit(Committed committed) {
        String playerId = committed.after().state().id();
        Uni<Void> cached = committed.playerChanged() ? players.put(committed.after()) : Uni.createFrom().voidItem();
        String to = committed.after().state().locationId();
        Uni<Void> moved = committed.moved()
                ? presence.move(playerId, committed.after().state().name(),
                                committed.before().state().locationId(), to)
                        .onFailure().recoverWithNull()
                        .chain(() -> publisher.moved(playerId, to))
                : Uni.createFrom().voidItem();
        return cached.chain(() -> moved).chain(() -> publishRoomEvents(committed));
    }

    private Uni<Void> publishRoomEvents(Committed committed) {
        List<RoomEventSpec> events = committed.outcome().events();
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String actorId = committed.after().state().id();
        String actorName = committed.after().state().name();
        return Uni.join().all(events.stream()
                        .map(e -> publisher.roomEvent(e.locationId(), actorId, EventFrame.of(e.kind(), actorName,
                                RoomLines.line(e.kind(), actorName, committed.outcome().facts()))))
                        .toList())
                .andCollectFailures()
                .replaceWithVoid();
    }

    private Uni<Answer> respond(Committed committed, ActionRequest request, Understood understood, long now,
                                long received) {
        Intent intent = understood.intent();
        PlayerState player = committed.after().state();
        PlayerView playerView = Views.player(world, player);
        // withheld words (moderation) reach no narrator either
        String playerText = intent.withheld() ? null : request.text();
        return metrics.timed(ActionStage.VIEW, () -> view(committed, playerView, request.id(), playerText, now,
                        received))
                .chain(context -> metrics.timed(ActionStage.NARRATION, () -> narrator.narrate(context))
                        .call(narration -> rememberConversation(committed, narration))
                        .map(narration -> new ActionResult(request.id(), Understanding.frame(understood.proposed(),
                                understood.suggestions(), withQuests(narration.text(), committed)),
                                narration.source(), playerView, context.location())))
                .chain(result -> metrics.timed(ActionStage.PUBLISH, () -> deliver(player.id(), result)));
    }

    /** What the action did to the player's quests, in the rules' words, after the narration. */
    private static String withQuests(String text, Committed committed) {
        String quests = QuestText.updates(committed.quests());
        return quests.isEmpty() ? text : text + "\n" + quests;
    }

    private Uni<Answer> deliver(String playerId, ActionResult result) {
        return publisher.answer(playerId, result.actionId(), publisher.write(ResultFrame.of(result)),
                        result.player().locationId())
                .map(ack -> new Answer(result, ack));
    }

    /** Who is in the room and what happened there lately: the view sent back and what the narrator is told. */
    private Uni<NarrationContext> view(Committed committed, PlayerView playerView, String actionId, String playerText,
                                       long now, long received) {
        PlayerState player = committed.after().state();
        return roster.presentOrSelf(player.locationId(), new PlayerRef(player.id(), player.name()))
                .map(present -> Views.location(world, committed.current(), present, now, worldControl.clock(),
                        worldControl.cachedStatus()))
                .chain(locationView -> history.recent(player.locationId()).onFailure().recoverWithItem(List.of())
                        .map(recent -> new NarrationContext(actionId, committed.outcome(), playerView,
                                locationView, recent, playerText, received)));
    }

    /**
     * After a conversation the NPC remembers it, before the result goes out (the player's next line follows on), and
     * both sides keep a long-term memory of it.
     */
    private Uni<Void> rememberConversation(Committed committed, Narration narration) {
        NpcTalk talk = committed.outcome().npcTalk();
        if (talk == null || narration.npcLine() == null) {
            return Uni.createFrom().voidItem();
        }
        PlayerState player = committed.after().state();
        String npcName = world.npc(talk.npcId()).map(npc -> npc.name()).orElse(talk.npcId());
        return metrics.timed(ActionStage.CONVERSATION,
                () -> conversations.remember(player.id(), player.name(), talk, npcName, narration.npcLine())
                        .call(() -> memories.conversation(player.id(), player.name(), talk, npcName,
                                narration.npcLine())));
    }
}
