package com.langomni.orchestrator.service;

import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.orchestrator.client.WorldLlmClient;
import com.langomni.orchestrator.config.NarrationConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Narrates a world action: from the response cache when the same narration was written lately, else streamed
 * from world-llm-service with its deltas published to the player as they come. Owns the world path's budget:
 * past the first-chunk or stream deadline (langomni.narration.first-chunk-timeout-ms / stream-timeout-ms), on any
 * failure or an open breaker, the rules' own text is used. Every delta is published before this completes, so
 * the result frame always comes last.
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

    WorldNarration(WorldLlmClient worldLlm, NarrationCache cache, TokenMeter tokens, Publisher publisher,
                   ActionMetrics metrics, NarrationConfig config, WorldLlmPresence llm, PlayerHistory history) {
        this.worldLlm = worldLlm;
        this.cache = cache;
        this.tokens = tokens;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
        this.llm = llm;
        this.history = history;
    }

    /**
     * A cacheable narration is a pure function of the state, so it never carries the player's history; any other
     * gets the player's relevant memories when world-llm has an LLM to use them.
     */
    public Uni<Narration> narrate(NarrationContext context) {
        if (!cache.cacheable(intent(context))) {
            return history(context).chain(recalled -> stream(context, request(context, recalled)));
        }
        NarrationRequest request = request(context, List.of());
        String key = cache.key(request);
        return cache.lookup(key).chain(cached -> cached.isPresent()
                ? Uni.createFrom().item(new Narration(cached.get(), Narration.SOURCE_CACHE, null))
                : stream(context, request).call(narration -> Narration.SOURCE_LLM.equals(narration.source())
                        ? cache.store(key, narration.text())
                        : Uni.createFrom().voidItem()));
    }

    private Uni<Narration> stream(NarrationContext context, NarrationRequest request) {
        String playerId = context.player().id();
        String locationId = context.player().locationId();
        DeltaCoalescer deltas = new DeltaCoalescer(
                delta -> publisher.narration(playerId, locationId, context.actionId(), delta),
                config.stream().flushIntervalMs(), config.stream().flushChars(), System::nanoTime);
        AtomicBoolean first = new AtomicBoolean();
        return worldLlm.narrate(request, Duration.ofMillis(config.firstChunkTimeoutMs()),
                        Duration.ofMillis(config.streamTimeoutMs()), delta -> {
                            if (first.compareAndSet(false, true)) {
                                metrics.firstDelta(Duration.ofNanos(System.nanoTime() - context.receivedNanos()));
                            }
                            deltas.accept(delta);
                        })
                .map(chunk -> accept(chunk, playerId))
                .onFailure().recoverWithItem(failure -> {
                    metrics.fallback(FallbackReasons.of(failure));
                    Log.debugf("World narration of %s fell back to the rules: %s", context.actionId(), failure.toString());
                    return RulesNarration.of(context.outcome());
                })
                .call(deltas::close);
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
            metrics.fallback(last.fallbackReason() == null ? ActionMetrics.WORLD_LLM : last.fallbackReason());
        }
        return new Narration(last.text(), llm ? Narration.SOURCE_LLM : Narration.SOURCE_RULES, null);
    }

    private Uni<List<String>> history(NarrationContext context) {
        return llm.hasLlm().chain(present -> present
                ? history.relevantTo(context.player().id(), context.playerText())
                : Uni.createFrom().item(List.<String>of()));
    }

    private static String intent(NarrationContext context) {
        return context.outcome().verb().name().toLowerCase(Locale.ROOT);
    }

    private static NarrationRequest request(NarrationContext context, List<String> history) {
        var outcome = context.outcome();
        return new NarrationRequest(context.actionId(), intent(context), outcome.success(), outcome.message(),
                outcome.facts(), context.player(), context.location(), context.recent(), context.playerText(), history);
    }
}
