package com.langomni.orchestrator.game;

import com.langomni.api.narration.FallbackReason;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.api.outcome.Verb;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import com.langomni.orchestrator.admin.stats.StatsRecorder;
import com.langomni.orchestrator.common.MeterSet;
import com.langomni.orchestrator.narration.Narration;

/**
 * What the action pipeline did: Prometheus meters of this replica (at /q/metrics), and the cluster-wide counts of
 * the admin panel ({@link StatsRecorder}). Every meter is registered up front over closed sets of tag values
 * (intents, outcomes, sources, reasons, codes, stages): recording is a lookup and an increment, and no player id or
 * free text ever becomes a tag.
 */
@Startup // every series exists from the start, so dashboards and alerts see zeros rather than nothing
@ApplicationScoped
public class ActionMetrics {

    /** world-llm answered with the rules' text without saying why. */
    public static final String WORLD_LLM = "world-llm";
    /** Why the rules narrated by design, not as a fallback: the policy, a place just seen, a spent budget. */
    public static final String RULED_BY_POLICY = "policy";
    public static final String RULED_AS_SEEN = "seen";
    public static final String RULED_OVER_BUDGET = "budget";
    /** Model output moderation flagged: the rules' text was shown instead. */
    public static final String RULED_MODERATED = "moderated";
    static final String APPLIED = "applied";
    static final String REFUSED = "refused";

    /** Exact bucket bounds for SLOs and alerts: the 50 ms platform target, the 5 s p95 of DESIGN §11. */
    private static final Duration[] LATENCY_SLOS = durations(50, 100, 250, 500, 1000, 2000, 5000, 10_000);
    private static final Duration[] STAGE_BUCKETS = durations(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000,
            10_000);

    private final StatsRecorder stats;
    private final Timer duration;
    private final Timer firstToken;
    private final Map<ActionStage, Timer> stages = new EnumMap<>(ActionStage.class);
    private final Map<Verb, Counter> applied = new EnumMap<>(Verb.class);
    private final Map<Verb, Counter> refused = new EnumMap<>(Verb.class);
    private final MeterSet<Counter> narrations;
    private final MeterSet<Counter> fallbacks;
    private final MeterSet<Counter> rejected;
    private final MeterSet<Counter> ruled;
    private final Counter repeated;

    ActionMetrics(MeterRegistry registry, StatsRecorder stats) {
        this.stats = stats;
        this.duration = latency("langomni.action.duration", "Time from received action to published result")
                .register(registry);
        this.firstToken = latency("langomni.action.first.token",
                "Time from received action to the first streamed narration delta published").register(registry);
        for (ActionStage stage : ActionStage.values()) {
            stages.put(stage, Timer.builder("langomni.action.stage.duration")
                    .description("Time an action spent in one stage of the pipeline")
                    .tag("stage", stage.tag()).serviceLevelObjectives(STAGE_BUCKETS).register(registry));
        }
        for (Verb verb : Verb.values()) {
            applied.put(verb, action(registry, verb, APPLIED));
            refused.put(verb, action(registry, verb, REFUSED));
        }
        this.narrations = new MeterSet<>(List.of(Narration.SOURCE_LLM, Narration.SOURCE_RULES, Narration.SOURCE_CACHE),
                source -> Counter.builder("langomni.narrations").description("Narrations by where the text came from")
                        .tag("source", source).register(registry));
        this.fallbacks = new MeterSet<>(List.of(FallbackReason.TIMEOUT.tag(), FallbackReason.CIRCUIT_OPEN.tag(),
                FallbackReason.ERROR.tag(), FallbackReason.BUSY.tag(), FallbackReason.DISABLED.tag(), WORLD_LLM),
                reason -> Counter.builder("langomni.narration.fallbacks")
                        .description("Narrations the rules answered instead of an LLM")
                        .tag("reason", reason).register(registry));
        this.ruled = new MeterSet<>(List.of(RULED_BY_POLICY, RULED_AS_SEEN, RULED_OVER_BUDGET, RULED_MODERATED),
                reason -> Counter.builder("langomni.narration.ruled")
                        .description("World narrations the rules answered by design (policy, place just seen, budget,"
                                + " moderated output)")
                        .tag("reason", reason).register(registry));
        this.rejected = new MeterSet<>(List.of(ErrorCodes.RATE_LIMITED, ErrorCodes.BUSY, ErrorCodes.BAD_REQUEST,
                ErrorCodes.TOO_LARGE, ErrorCodes.UNAUTHORIZED, ErrorCodes.UNAVAILABLE, ErrorCodes.OVERLOADED,
                        ErrorCodes.INTERNAL),
                code -> Counter.builder("langomni.actions.rejected").description("Actions refused by the pipeline")
                        .tag("code", code).register(registry));
        this.repeated = Counter.builder("langomni.actions.repeated")
                .description("Actions sent again with an id already applied: answered, not applied again")
                .register(registry);
    }

    /** An action id that was applied before came again. */
    public void repeated() {
        repeated.increment();
    }

    private static Timer.Builder latency(String name, String description) {
        return Timer.builder(name).description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .serviceLevelObjectives(LATENCY_SLOS);
    }

    private static Counter action(MeterRegistry registry, Verb verb, String outcome) {
        return Counter.builder("langomni.actions").description("Actions applied or refused by the rules")
                .tag("intent", verb.wire()).tag("outcome", outcome).register(registry);
    }

    private static Duration[] durations(long... millis) {
        Duration[] all = new Duration[millis.length];
        for (int i = 0; i < millis.length; i++) {
            all[i] = Duration.ofMillis(millis[i]);
        }
        return all;
    }

    /** An action the rules decided (applied or refused), its narration's source and its end-to-end time. */
    public void applied(Verb verb, boolean success, String source, Duration took) {
        (success ? applied : refused).get(verb).increment();
        narrations.get(source).increment();
        duration.record(took);
        stats.action(took);
    }

    /** Time spent in one stage of the pipeline. */
    public void stage(ActionStage stage, long nanos) {
        stages.get(stage).record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** {@code work}, subscribed to later, with its time from subscription to termination recorded as {@code stage}. */
    public <T> Uni<T> timed(ActionStage stage, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return work.get().onTermination().invoke(() -> stage(stage, System.nanoTime() - start));
        });
    }

    /**
     * A narration answered by the rules instead of an LLM, and why; null when world-llm did not say
     * ({@link #WORLD_LLM}). Except for {@code disabled} (no LLM configured) it was meant for the LLM: a fallback in
     * the panel's figures.
     */
    public void fallback(FallbackReason reason) {
        fallbacks.get(reason == null ? WORLD_LLM : reason.tag()).increment();
        if (reason != FallbackReason.DISABLED) {
            stats.llmNarration(true);
        }
    }

    /** A narration the rules answered by design ({@code policy}, {@code seen} or {@code budget}): no fallback. */
    public void ruled(String reason) {
        ruled.get(reason).increment();
    }

    /** A narration an LLM wrote (streamed world narration or NPC line), not a cached one. */
    public void llmNarrated() {
        stats.llmNarration(false);
    }

    /** The first streamed narration delta reached the publisher, {@code sinceReceived} after the action came in. */
    public void firstDelta(Duration sinceReceived) {
        firstToken.record(sinceReceived);
        stats.ttft(sinceReceived);
    }

    /** An action turned away before the rules saw it (rate_limited, busy, ...). */
    public void rejected(String code) {
        rejected.get(code).increment();
        if (ErrorCodes.RATE_LIMITED.equals(code)) {
            stats.rateLimited();
        }
    }
}
