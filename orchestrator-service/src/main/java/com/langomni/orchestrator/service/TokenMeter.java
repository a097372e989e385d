package com.langomni.orchestrator.service;

import com.langomni.api.narration.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts the LLM tokens world narration spends: per player and for the world in Redis (cluster-wide totals, hashes
 * with {@code prompt} and {@code completion} fields), and as Micrometer totals without player tags (unbounded
 * cardinality). Counting happens in the background: the action never waits for it.
 */
@ApplicationScoped
public class TokenMeter {

    static final String PROMPT = "prompt";
    static final String COMPLETION = "completion";

    private final ReactiveHashCommands<String, String, Long> hashes;
    private final Counter prompt;
    private final Counter completion;

    TokenMeter(ReactiveRedisDataSource redis, MeterRegistry registry) {
        this.hashes = redis.hash(Long.class);
        this.prompt = tokens(registry, PROMPT);
        this.completion = tokens(registry, COMPLETION);
    }

    private static Counter tokens(MeterRegistry registry, String kind) {
        return Counter.builder("langomni.llm.tokens").description("LLM tokens spent on world narration")
                .tag("role", "world").tag("kind", kind).register(registry);
    }

    public void record(String playerId, TokenUsage usage) {
        if (usage == null || (usage.promptTokens() <= 0 && usage.completionTokens() <= 0)) {
            return;
        }
        prompt.increment(Math.max(0, usage.promptTokens()));
        completion.increment(Math.max(0, usage.completionTokens()));
        add(RedisKeys.playerTokens(playerId), usage)
                .chain(() -> add(RedisKeys.worldTokens(), usage))
                .subscribe().with(ignored -> { },
                        failure -> Log.warnf("Token usage of %s not counted: %s", playerId, failure.toString()));
    }

    private Uni<Void> add(String key, TokenUsage usage) {
        return hashes.hincrby(key, PROMPT, Math.max(0, usage.promptTokens()))
                .chain(() -> hashes.hincrby(key, COMPLETION, Math.max(0, usage.completionTokens())))
                .replaceWithVoid();
    }
}
