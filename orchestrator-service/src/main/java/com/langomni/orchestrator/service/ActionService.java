package com.langomni.orchestrator.service;

import com.langomni.api.game.ActionRequest;
import com.langomni.api.game.ActionResult;
import com.langomni.api.game.PlayerRef;
import com.langomni.api.game.PlayerView;
import com.langomni.api.protocol.EventFrame;
import com.langomni.orchestrator.config.GameConfig;
import com.langomni.orchestrator.domain.Intent;
import com.langomni.orchestrator.domain.NpcTalk;
import com.langomni.orchestrator.domain.Parser;
import com.langomni.orchestrator.domain.PlayerState;
import com.langomni.orchestrator.domain.RoomEventSpec;
import com.langomni.orchestrator.domain.Views;
import com.langomni.orchestrator.domain.World;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * The action pipeline: admission, rate limit and per-player lock (one Redis script), parse, load, rules + commit,
 * queue the memories it leaves, narrate (streamed deltas go out as they come), publish the result.
 * Each step is its own bean; this class only puts them in order.
 */
@ApplicationScoped
public class ActionService {

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

    ActionService(GameConfig config, Admission admission, PlayerLock lock, Parser parser,
                  PlayerStateStore players, ActionTransaction transaction, Presence presence, RoomRoster roster,
                  RoomHistory history, Narrator narrator, NpcConversations conversations, MemoryWriter memories,
                  Publisher publisher, ActionMetrics metrics, World world) {
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
    }

    public Uni<ActionResult> perform(String playerId, ActionRequest request) {
        long received = System.nanoTime();
        return Uni.createFrom().item(request)
                .invoke(this::validate)
                .chain(() -> admission.<ActionResult>action(leave -> lock.withTurn(playerId,
                        admitNanos -> metrics.stage(ActionStage.RATE_LIMIT, admitNanos), waitNanos -> {
                            metrics.stage(ActionStage.LOCK_WAIT, waitNanos);
                            return run(playerId, request, received, leave);
                        })))
                .onFailure(Saturation::is).transform(failure -> ApiException.overloaded("the game is at capacity"))
                .onFailure(ApiException.class).invoke(failure -> metrics.rejected(((ApiException) failure).code()));
    }

    private void validate(ActionRequest request) {
        if (request == null || request.id() == null || request.id().isBlank()) {
            throw ApiException.badRequest("an action needs an id");
        }
        if (request.id().length() > 64) {
            throw ApiException.badRequest("an action id has at most 64 characters");
        }
        if (request.text() == null || request.text().isBlank()) {
            throw ApiException.badRequest("an action needs text");
        }
        if (request.text().length() > config.maxActionLength()) {
            throw ApiException.tooLarge("an action has at most " + config.maxActionLength() + " characters");
        }
    }

    /**
     * {@code received}: when the action came in (nanoTime), the start of its latency and time to first token.
     * {@code leave} gives the admission slot back once the state work is done: narration (seconds with an LLM)
     * has its own limits and holds no pooled connection, so it does not count against the replica's actions.
     */
    private Uni<ActionResult> run(String playerId, ActionRequest request, long received, Runnable leave) {
        Intent intent = parser.parse(request.text());
        long now = System.currentTimeMillis();
        return metrics.timed(ActionStage.LOAD, () -> players.get(playerId))
                .map(found -> found.orElseThrow(() -> ApiException.unauthorized("no such player")))
                .chain(snapshot -> commit(snapshot, intent, request.id(), now))
                .onFailure(StaleStateException.class).recoverWithUni(() -> metrics.timed(ActionStage.LOAD,
                                () -> players.reload(playerId))
                        .map(found -> found.orElseThrow(() -> ApiException.unauthorized("no such player")))
                        .chain(fresh -> commit(fresh, intent, request.id(), now)))
                .call(committed -> metrics.timed(ActionStage.FANOUT, () -> afterCommit(committed)))
                .call(committed -> metrics.timed(ActionStage.MEMORY_QUEUE, () -> memories.events(committed)))
                .invoke(leave)
                .chain(committed -> respond(committed, request, now, received)
                        .invoke(result -> metrics.applied(committed.outcome().verb(),
                                committed.outcome().success(), result.source(),
                                Duration.ofNanos(System.nanoTime() - received))));
    }

    /** The rules and the transaction, timed apart: the rules' own time is measured inside the transaction. */
    private Uni<Committed> commit(PlayerSnapshot snapshot, Intent intent, String actionId, long now) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return transaction.apply(snapshot, intent, actionId, now).invoke(committed -> {
                metrics.stage(ActionStage.RULES, committed.rulesNanos());
                metrics.stage(ActionStage.PERSIST, System.nanoTime() - started - committed.rulesNanos());
            });
        });
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
                        .map(e -> publisher.roomEvent(e.locationId(), actorId, EventFrame.of(e.kind(), actorName, e.text())))
                        .toList())
                .andCollectFailures()
                .replaceWithVoid();
    }

    private Uni<ActionResult> respond(Committed committed, ActionRequest request, long now, long received) {
        PlayerState player = committed.after().state();
        PlayerView playerView = Views.player(world, player);
        return metrics.timed(ActionStage.VIEW, () -> view(committed, playerView, request, now, received))
                .chain(context -> metrics.timed(ActionStage.NARRATION, () -> narrator.narrate(context))
                        .call(narration -> rememberConversation(committed, narration))
                        .map(narration -> new ActionResult(request.id(), narration.text(), narration.source(),
                                playerView, context.location())))
                .call(result -> metrics.timed(ActionStage.PUBLISH, () -> publisher.result(player.id(), result)));
    }

    /** Who is in the room and what happened there lately: the view sent back and what the narrator is told. */
    private Uni<NarrationContext> view(Committed committed, PlayerView playerView, ActionRequest request, long now,
                                       long received) {
        PlayerState player = committed.after().state();
        return roster.presentOrSelf(player.locationId(), new PlayerRef(player.id(), player.name()))
                .map(present -> Views.location(world, committed.current(), present, now))
                .chain(locationView -> history.recent(player.locationId()).onFailure().recoverWithItem(List.of())
                        .map(recent -> new NarrationContext(request.id(), committed.outcome(), playerView,
                                locationView, recent, request.text(), received)));
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
