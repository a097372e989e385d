package com.langomni.npc.service;

import com.langomni.api.narration.TokenUsage;
import com.langomni.llm.openai.ChatChunk;
import com.langomni.llm.openai.ChatRequest;
import com.langomni.npc.client.NpcReplica;
import com.langomni.npc.client.NpcReplicas;
import com.langomni.npc.config.NpcConfig;
import com.langomni.npc.domain.NpcLineCleaner;
import com.langomni.npc.domain.NpcPrompt;
import com.langomni.npc.domain.ReplicaRouter;
import com.langomni.npc.domain.Route;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Gets one NPC line from the replicas: routes it, streams the answer and gathers its words, and when a replica
 * fails (refused, 5xx, broken stream, no token in time) tries the next healthy one it has not tried. It sets no
 * overall deadline: the caller does, and cancelling closes the stream in flight. Each attempt is accounted on its
 * replica's monitor exactly once: succeeded, failed (counts towards ejection) or abandoned.
 * <p>
 * Tokens: what is counted is what the replicas report, in the {@code usage} block that ends a stream (asked with
 * {@code stream_options.include_usage}). Every attempt that reported usage is metered ({@code langomni.llm.tokens}
 * by role, {@code langomni.npc.llm.tokens} by replica) and added to the request's total, whether it then succeeded
 * or failed (a stream that broke after its usage block, or was cancelled after it): the backend did spend those.
 * An attempt that failed, timed out or was cancelled before reporting usage counts nothing: vLLM reports a
 * stream's usage only at its end, so what an aborted stream spent is not known here (its partial words are not
 * guessed into tokens). The request's total travels on the {@link GeneratedLine} or on the
 * {@link NoLineException} that ends it.
 */
@ApplicationScoped
public class LlmLineGenerator {
    private final NpcReplicas replicas;
    private final ReplicaRouter router;
    private final NpcLineCleaner cleaner;
    private final NpcLlmMetrics metrics;
    private final int maxTokens;
    private final double temperature;
    private final int maxAttempts;
    private final Duration tokenTimeout;

    public LlmLineGenerator(NpcReplicas replicas, ReplicaRouter router, NpcLineCleaner cleaner,
                            NpcLlmMetrics metrics, NpcConfig config) {
        this.replicas = replicas;
        this.router = router;
        this.cleaner = cleaner;
        this.metrics = metrics;
        this.maxTokens = config.llm().maxTokens();
        this.temperature = config.llm().temperature();
        this.maxAttempts = Math.max(1, config.llm().maxAttempts());
        this.tokenTimeout = Duration.ofMillis(config.llm().tokenTimeoutMs());
    }

    /**
     * @param conversation the routing key ({@code ReplicaRouter#key})
     * @return the line; fails with {@link NoLineException} when no replica produced one
     */
    public Uni<GeneratedLine> generate(String conversation, NpcPrompt prompt, String npcName) {
        return start(conversation, prompt, new Ask(LlmRole.NPC, maxTokens, temperature,
                raw -> cleaner.clean(raw, npcName)));
    }

    /**
     * A completion that is not a spoken line (an importance rating, reflections): same routing, retries and
     * accounting, but the caller's token cap and temperature, and the model's text as it came (the caller parses
     * it).
     *
     * @param key  routing key: requests with the same key prefer the same replica
     * @param role what the tokens are spent for, in {@code langomni.llm.tokens}
     */
    public Uni<GeneratedLine> complete(String key, NpcPrompt prompt, int maxTokens, double temperature, LlmRole role) {
        return start(key, prompt, new Ask(role, maxTokens, temperature, UnaryOperator.identity()));
    }

    private Uni<GeneratedLine> start(String key, NpcPrompt prompt, Ask ask) {
        return Uni.createFrom().deferred(() -> next(key, prompt, ask, ConcurrentHashMap.newKeySet(), new Spent(), 1));
    }

    /** What to ask a replica for, what for, and how to finish its text. */
    private record Ask(LlmRole role, int maxTokens, double temperature, UnaryOperator<String> finish) {
    }

    /** The tokens one request's attempts reported so far (attempts run one after another). */
    private static final class Spent {
        private TokenUsage total = TokenUsage.NONE;

        synchronized void add(TokenUsage usage) {
            total = Tokens.plus(total, usage);
        }

        synchronized TokenUsage total() {
            return total;
        }
    }

    private Uni<GeneratedLine> next(String key, NpcPrompt prompt, Ask ask, Set<String> tried, Spent spent,
                                    int attempt) {
        Optional<Route> route = router.route(key, replicas.loads(), tried);
        if (route.isEmpty()) {
            return Uni.createFrom().failure(attempt == 1
                    ? new NoLineException("no_replica", "no healthy NPC replica", spent.total())
                    : new NoLineException("all_failed", "every healthy replica failed", spent.total()));
        }
        metrics.routed(router.strategy(), route.get());
        NpcReplica replica = replicas.get(route.get().index());
        return attempt(replica, prompt, ask, spent, attempt)
                .onFailure(AttemptFailure.class).recoverWithUni(failure -> {
                    AttemptFailure f = (AttemptFailure) failure;
                    Log.debugf("NPC replica %s failed (%s): %s", replica.name(), f.outcome(), f.getMessage());
                    if (!f.retriable()) {
                        return Uni.createFrom().failure(new NoLineException(f.outcome(), f.getMessage(),
                                spent.total()));
                    }
                    if (attempt >= maxAttempts) {
                        return Uni.createFrom().failure(new NoLineException("all_failed",
                                attempt + " replicas failed, the last: " + f.getMessage(), spent.total()));
                    }
                    tried.add(replica.name());
                    metrics.retry(f.outcome());
                    return next(key, prompt, ask, tried, spent, attempt + 1);
                });
    }

    private Uni<GeneratedLine> attempt(NpcReplica replica, NpcPrompt prompt, Ask ask, Spent spent, int attempt) {
        return Uni.createFrom().deferred(() -> {
            replica.monitor().started();
            // outside the stream, so that usage reported before a failure or cancellation is still counted
            Answer answer = new Answer(System.nanoTime());
            return replica.model(tokenTimeout)
                    .onItem().transformToUni(model -> replica.stream(ChatRequest.streaming(model, prompt.messages(),
                                    ask.maxTokens(), ask.temperature(), null))
                            .select().where(LlmLineGenerator::carriesAnswer)
                            .ifNoItem().after(tokenTimeout).failWith(() -> AttemptFailure.timeout(tokenTimeout.toMillis()))
                            .collect().in(() -> answer, Answer::add))
                    .map(collected -> collected.line(replica.name(), attempt, ask.finish()))
                    .onFailure().transform(AttemptFailure::of)
                    // before the result goes on: the total the caller reads includes this attempt
                    .onTermination().invoke((line, failure, cancelled) -> {
                        spend(replica, ask.role(), answer.usage(), spent);
                        account(replica, line, failure, cancelled);
                    })
                    .map(line -> new GeneratedLine(line.text(), line.replica(), line.attempts(), line.ttftNanos(),
                            spent.total()));
        });
    }

    private void spend(NpcReplica replica, LlmRole role, TokenUsage usage, Spent spent) {
        if (usage != null) {
            spent.add(usage);
            metrics.tokens(replica.name(), role, usage);
        }
    }

    private void account(NpcReplica replica, GeneratedLine line, Throwable failure, boolean cancelled) {
        if (cancelled) {
            replica.monitor().abandoned();
            metrics.attempt(replica.name(), "cancelled");
        } else if (failure instanceof AttemptFailure f) {
            if (f.replicaFault()) {
                replica.monitor().failed(f);
            } else {
                replica.monitor().abandoned();
            }
            metrics.attempt(replica.name(), f.outcome());
        } else {
            replica.monitor().succeeded();
            metrics.attempt(replica.name(), "success");
            metrics.firstToken(replica.name(), line.ttftNanos());
        }
    }

    /** Role-only chunks carry nothing: they must not reset the token timeout. */
    private static boolean carriesAnswer(ChatChunk c) {
        return !c.text().isEmpty() || c.finishReason() != null || c.usage() != null;
    }

    /** The answer as it streams in. */
    private static final class Answer {
        private final long sent;
        private final StringBuilder text = new StringBuilder();
        private long firstToken;
        private boolean finished;
        private TokenUsage usage;

        Answer(long sent) {
            this.sent = sent;
        }

        /** As the replica reported it; null until it does. */
        synchronized TokenUsage usage() {
            return usage;
        }

        synchronized void add(ChatChunk chunk) {
            String t = chunk.text();
            if (!t.isEmpty()) {
                if (text.isEmpty()) {
                    firstToken = System.nanoTime();
                }
                text.append(t);
            }
            if (chunk.finishReason() != null) {
                finished = true;
            }
            if (chunk.usage() != null) {
                finished = true;
                usage = new TokenUsage(chunk.usage().promptTokens(), chunk.usage().completionTokens());
            }
        }

        /** A stream that ends without a finish reason or usage was cut: the replica (or the network) broke it. */
        synchronized GeneratedLine line(String replica, int attempt, UnaryOperator<String> finish) {
            if (!finished) {
                throw AttemptFailure.broken();
            }
            long ttft = (firstToken == 0 ? System.nanoTime() : firstToken) - sent;
            return new GeneratedLine(finish.apply(text.toString()), replica, attempt, ttft, usage);
        }
    }
}
