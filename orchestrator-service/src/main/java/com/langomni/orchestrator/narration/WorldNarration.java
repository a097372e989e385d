package com.langomni.orchestrator.narration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.WorldNow;
import com.langomni.api.outcome.Facts;
import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.outcome.Verb;
import com.langomni.orchestrator.narration.NarrationPolicy.Plan;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.words.OutcomeText;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import com.langomni.orchestrator.admin.metering.LlmBudgets;
import com.langomni.orchestrator.admin.metering.TokenMeter;
import com.langomni.orchestrator.game.ActionMetrics;
import com.langomni.orchestrator.game.state.SeenPlaces;
import com.langomni.orchestrator.memory.PlayerHistory;
import com.langomni.orchestrator.moderation.Moderation;
import com.langomni.orchestrator.moderation.StreamGuard;
import com.langomni.orchestrator.session.Publisher;

/**
 * Narrates a world action as the {@link NarrationPolicy} says: the rules' own text where the model's words add
 * nothing, and for a place the player has just read unchanged; a place narration (look, arrival, examine) from the
 * response cache when anyone had it narrated in the same visible state; otherwise, unless the player or the world is
 * over its LLM budget (then the rules' text), streamed from world-llm-service with its deltas published to the
 * player as they come, sized and prioritised by the policy.
 * Past the stream's deadlines, on any failure or an open breaker ({@link WorldLlmClient}) this fails, and
 * {@link Narrator} answers with the rules' own text: the one fallback. Every delta is published before this
 * completes, so the result frame always comes last.
 */
@ApplicationScoped
public class WorldNarration {

    private final WorldLlmClient worldLlm;
    private final NarrationCache cache;
    private final TokenMeter tokens;
    private final Publisher publisher;
    private final ActionMetrics metrics;
    private final NarrationConfig config;
    private final WorldLlmPresence llm;
    private final PlayerHistory history;
    private final NarrationPolicy policy;
    private final SeenPlaces seen;
    private final ObjectMapper json;
    private final LlmBudgets budgets;
    private final Moderation moderation;

    WorldNarration(WorldLlmClient worldLlm, NarrationCache cache, TokenMeter tokens, Publisher publisher,
                   ActionMetrics metrics, NarrationConfig config, WorldLlmPresence llm, PlayerHistory history,
                   NarrationPolicy policy, SeenPlaces seen, ObjectMapper json, LlmBudgets budgets,
                   Moderation moderation) {
        this.budgets = budgets;
        this.moderation = moderation;
        this.worldLlm = worldLlm;
        this.cache = cache;
        this.tokens = tokens;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
        this.llm = llm;
        this.history = history;
        this.policy = policy;
        this.seen = seen;
        this.json = json;
    }

    public Uni<Narration> narrate(NarrationContext context) {
        Outcome outcome = context.outcome();
        Plan plan = policy.plan(outcome.verb(), outcome.success());
        if (!plan.llm()) {
            return ruled(context, ActionMetrics.RULED_BY_POLICY);
        }
        if (!plan.place()) {
            return narrate(context, plan);
        }
        String playerId = context.player().id();
        String locationId = context.player().locationId();
        String version = NarrationCacheKey.stateVersion(context.location(), json);
        return seen.seen(playerId, locationId, version).chain(already -> already
                ? ruled(context, ActionMetrics.RULED_AS_SEEN)
                // only words the player actually read make the place seen: not a fallback to the rules
                : narrate(context, plan).call(narration -> Narration.SOURCE_RULES.equals(narration.source())
                        ? Uni.createFrom().voidItem()
                        : seen.mark(playerId, locationId, version)));
    }

    /**
     * A cacheable narration is asked as anyone would see the place (its words must be true for whoever reads them
     * from the cache), so it never carries the player's history, and it is cached only when nothing in it was written
     * by a player ({@link NarrationCacheKey#shareable}: "examine me" names the player, so it is narrated for them
     * alone). Any other gets the player's relevant memories when world-llm has an LLM to use them. A cache hit costs
     * no tokens, so the budget is checked only before the model is asked.
     */
    private Uni<Narration> narrate(NarrationContext context, Plan plan) {
        NarrationRequest request = plan.cacheable() ? placeRequest(context, plan) : null;
        if (request == null || !NarrationCacheKey.shareable(request)) {
            return withinBudget(context, () -> history(context)
                    .chain(recalled -> stream(context, request(context, recalled, plan))));
        }
        String key = cache.key(request);
        return cache.lookup(key).chain(cached -> cached.isPresent()
                ? Uni.createFrom().item(new Narration(cached.get(), Narration.SOURCE_CACHE, null))
                : withinBudget(context, () -> stream(context, request)
                        .call(narration -> Narration.SOURCE_LLM.equals(narration.source())
                                ? cache.store(key, narration.text())
                                : Uni.createFrom().voidItem())));
    }

    private Uni<Narration> withinBudget(NarrationContext context, Supplier<Uni<Narration>> model) {
        return budgets.allows(context.player().id())
                .chain(allowed -> allowed ? model.get() : ruled(context, ActionMetrics.RULED_OVER_BUDGET));
    }

    private Uni<Narration> ruled(NarrationContext context, String reason) {
        metrics.ruled(reason);
        return Uni.createFrom().item(RulesNarration.of(context.outcome()));
    }

    private Uni<Narration> stream(NarrationContext context, NarrationRequest request) {
        String playerId = context.player().id();
        String locationId = context.player().locationId();
        // moderation: only checked words are published, and flagged final text is never cached or shown
        StreamGuard shown = moderation.guard(delta -> publisher.narration(playerId, locationId, context.actionId(),
                delta));
        DeltaCoalescer deltas = new DeltaCoalescer(shown::send,
                config.stream().flushIntervalMs(), config.stream().flushChars(), System::nanoTime);
        AtomicBoolean first = new AtomicBoolean();
        return worldLlm.narrate(request, delta -> {
                    if (first.compareAndSet(false, true)) {
                        metrics.firstDelta(Duration.ofNanos(System.nanoTime() - context.receivedNanos()));
                    }
                    deltas.accept(delta);
                })
                .map(chunk -> accept(chunk, playerId))
                .call(narration -> moderated(context, narration, shown))
                // the deltas sent go out before the result, whichever way the stream ended
                .onTermination().call(() -> deltas.close().chain(shown::finish));
    }

    /** Model text that moderation flags fails the narration ({@link Narrator}: the rules' text instead). */
    private Uni<Void> moderated(NarrationContext context, Narration narration, StreamGuard shown) {
        if (!Narration.SOURCE_LLM.equals(narration.source())) {
            return Uni.createFrom().voidItem();
        }
        return moderation.output(Moderation.NARRATION, context.player().id(), context.actionId(), narration.text())
                .invoke(ok -> {
                    if (!ok) {
                        shown.stop();
                        throw new Moderation.Flagged(Moderation.NARRATION);
                    }
                }).replaceWithVoid();
    }

    private Narration accept(NarrationChunk last, String playerId) {
        if (last.text() == null || last.text().isBlank()) {
            throw new IllegalStateException("world-llm-service sent no text");
        }
        tokens.record(playerId, last.usage());
        boolean llm = Narration.SOURCE_LLM.equals(last.source());
        if (llm) {
            metrics.llmNarrated();
        } else {
            metrics.fallback(last.fallbackReason());
        }
        return new Narration(last.text(), llm ? Narration.SOURCE_LLM : Narration.SOURCE_RULES, null);
    }

    private Uni<List<String>> history(NarrationContext context) {
        return llm.hasLlm().chain(present -> present
                ? history.relevantTo(context.player().id(), context.playerText())
                : Uni.createFrom().item(List.<String>of()));
    }

    private static Verb intent(NarrationContext context) {
        return context.outcome().verb();
    }

    private static NarrationRequest request(NarrationContext context, List<String> history, Plan plan) {
        var outcome = context.outcome();
        return new NarrationRequest(context.actionId(), intent(context), outcome.success(),
                OutcomeText.of(outcome.facts()), outcome.facts(), context.player(), context.location(), context.recent(),
                context.playerText(), history, plan.maxTokens(), priority(plan));
    }

    /**
     * A place as anyone sees it: no actor (the prompt narrates in the second person anyway), no players present (who
     * is here changes by the second and the result's location view lists them), no recent events, no typed words.
     */
    static NarrationRequest placeRequest(NarrationContext context, Plan plan) {
        var outcome = context.outcome();
        LocationView l = context.location();
        LocationView place = l == null ? null
                : new LocationView(l.id(), l.name(), l.description(), l.exits(), l.items(), l.npcs(), l.creatures(),
                        List.of(), periodOnly(l.now()));
        Facts facts = outcome.facts() instanceof Facts.Looked looked && looked.place() != null
                ? new Facts.Looked(withNow(looked.place(), periodOnly(looked.place().now()))) : outcome.facts();
        return new NarrationRequest(context.actionId(), intent(context), outcome.success(),
                OutcomeText.of(facts), facts, null, place, List.of(), null, List.of(), plan.maxTokens(),
                priority(plan));
    }

    /** The world's time without the clock (day or night, the event): a shared narration lasts beyond the minute. */
    static WorldNow periodOnly(WorldNow now) {
        return now == null ? null : new WorldNow(0, null, now.night(), now.event(), now.eventName(), now.eventText(),
                false);
    }

    private static LocationView withNow(LocationView l, WorldNow now) {
        return new LocationView(l.id(), l.name(), l.description(), l.exits(), l.items(), l.npcs(), l.creatures(),
                l.players(), now);
    }

    private static String priority(Plan plan) {
        return plan.highPriority() ? NarrationRequest.HIGH : NarrationRequest.NORMAL;
    }
}
