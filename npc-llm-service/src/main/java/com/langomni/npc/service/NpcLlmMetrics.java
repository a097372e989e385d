package com.langomni.npc.service;

import com.langomni.api.narration.TokenUsage;
import com.langomni.llm.backend.BackendMeters;
import com.langomni.npc.client.NpcReplica;
import com.langomni.npc.client.NpcReplicas;
import com.langomni.npc.domain.Route;
import com.langomni.npc.domain.RoutingStrategy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The LLM path's meters, registered up front for every configured replica (npc-1..N) and every fixed outcome,
 * reason and decision word: recording is a lookup, and a word outside those sets lands on {@code other}. Never player
 * or NPC ids. Each replica also gets the {@code langomni.llm.backend.*} gauges (health, requests in flight).
 * <p>
 * Tokens are counted twice over the same calls, each series summing to the same total: by replica
 * ({@code langomni.npc.llm.tokens}, load per model server) and by what they were spent for
 * ({@code langomni.llm.tokens}, {@code role} = {@code npc}, {@code importance}, {@code reflection}): the meter the
 * orchestrator keeps with {@code role=world}, so one query adds up every LLM token of the game. This service is
 * where those calls happen, so it is their only metering point: memory-service and the orchestrator pass the
 * usage on (per owner, per player) without counting it again in Prometheus.
 */
@Startup // the replicas' health gauges exist from the start, not from the first conversation
@ApplicationScoped
public class NpcLlmMetrics {
    static final List<String> OUTCOMES = List.of("success", "timeout", "broken", "busy", "rejected", "error",
            "cancelled");
    /** The failed outcomes after which another replica is tried ({@link AttemptFailure#retriable()}). */
    static final List<String> RETRIED_AFTER = List.of("timeout", "broken", "busy", "error");
    static final List<String> FALLBACK_REASONS = List.of("no_replica", "all_failed", "timeout", "empty", "rejected",
            "error");
    private static final String OTHER = "other";

    private final MeterRegistry registry;
    private final Map<String, Replica> replicas = new HashMap<>();
    private final Map<String, Counter> decisions = new HashMap<>();
    private final Map<String, Counter> retries = new HashMap<>();
    private final Map<String, Counter> fallbacks = new HashMap<>();
    private final Map<LlmRole, Counter> rolePrompt = new EnumMap<>(LlmRole.class);
    private final Map<LlmRole, Counter> roleCompletion = new EnumMap<>(LlmRole.class);
    /** Meters that read this app's objects; see {@link #unregister()}. */
    private final List<Meter> gauges = new ArrayList<>();

    /** One replica's meters. */
    private record Replica(Map<String, Counter> attempts, Timer firstToken, Counter promptTokens,
                           Counter completionTokens) {
    }

    public NpcLlmMetrics(MeterRegistry registry, NpcReplicas configured) {
        this.registry = registry;
        for (NpcReplica replica : configured.all()) {
            String name = replica.name();
            Map<String, Counter> attempts = new HashMap<>();
            for (String outcome : withOther(OUTCOMES)) {
                attempts.put(outcome, registry.counter("langomni.npc.llm.requests", "replica", name, "outcome",
                        outcome));
            }
            Timer firstToken = Timer.builder("langomni.npc.llm.first.token")
                    .description("Time from sending a request to a replica to its first token")
                    .tag("replica", name).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(15))
                    .register(registry);
            replicas.put(name, new Replica(attempts, firstToken, tokens(name, "prompt"), tokens(name, "completion")));
            gauges.addAll(BackendMeters.bind(registry, replica.monitor(), NpcReplicas.ROLE));
        }
        for (RoutingStrategy strategy : RoutingStrategy.values()) {
            for (Route.Decision decision : Route.Decision.values()) {
                decisions.put(strategy.configName() + '/' + decision.tag(),
                        registry.counter("langomni.npc.router.decisions", "strategy", strategy.configName(),
                                "decision", decision.tag()));
            }
        }
        for (String outcome : withOther(RETRIED_AFTER)) {
            retries.put(outcome, registry.counter("langomni.npc.llm.retries", "after", outcome));
        }
        for (String reason : withOther(FALLBACK_REASONS)) {
            fallbacks.put(reason, registry.counter("langomni.npc.llm.fallbacks", "reason", reason));
        }
        for (LlmRole role : LlmRole.values()) {
            rolePrompt.put(role, roleTokens(role, "prompt"));
            roleCompletion.put(role, roleTokens(role, "completion"));
        }
    }

    private Counter roleTokens(LlmRole role, String kind) {
        return Counter.builder("langomni.llm.tokens").description("LLM tokens spent, by what for")
                .tag("role", role.tag()).tag("kind", kind).register(registry);
    }

    private Counter tokens(String replica, String kind) {
        return registry.counter("langomni.npc.llm.tokens", "replica", replica, "kind", kind);
    }

    private static List<String> withOther(List<String> words) {
        List<String> all = new ArrayList<>(words);
        all.add(OTHER);
        return all;
    }

    private static Counter of(Map<String, Counter> counters, String word) {
        Counter counter = counters.get(word);
        return counter != null ? counter : counters.get(OTHER);
    }

    /** Where a request was sent: affinity kept, diverted for load, or round robin. */
    void routed(RoutingStrategy strategy, Route route) {
        decisions.get(strategy.configName() + '/' + route.decision().tag()).increment();
    }

    /** One attempt on one replica ended: success, timeout, broken, busy, rejected, error or cancelled. */
    void attempt(String replica, String outcome) {
        Replica meters = replicas.get(replica);
        if (meters != null) {
            of(meters.attempts(), outcome).increment();
        }
    }

    void retry(String failedOutcome) {
        of(retries, failedOutcome).increment();
    }

    void fallback(String reason) {
        of(fallbacks, reason).increment();
    }

    void firstToken(String replica, long nanos) {
        Replica meters = replicas.get(replica);
        if (meters != null) {
            meters.firstToken().record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Tokens one attempt on {@code replica} reported, spent for {@code role}. */
    void tokens(String replica, LlmRole role, TokenUsage usage) {
        if (usage == null) {
            return;
        }
        int prompt = Math.max(0, usage.promptTokens());
        int completion = Math.max(0, usage.completionTokens());
        rolePrompt.get(role).increment(prompt);
        roleCompletion.get(role).increment(completion);
        Replica meters = replicas.get(replica);
        if (meters != null) {
            meters.promptTokens().increment(prompt);
            meters.completionTokens().increment(completion);
        }
    }

    /**
     * Outside dev mode Quarkus leaves meters in Micrometer's global registry when the app stops; an app started again
     * in the same JVM (tests) would get these gauges back, still reading the stopped app's replicas.
     */
    @PreDestroy
    void unregister() {
        gauges.forEach(registry::remove);
    }
}
