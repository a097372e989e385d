package com.langomni.gateway.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.langomni.api.protocol.ErrorCodes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * Gateway meters on /q/metrics, all registered up front over closed sets of reasons and codes (anything else counts
 * as {@code other}): recording is a lookup, and never a player id.
 */
@Startup
@ApplicationScoped
public class GatewayMetrics {

    /** The outcome of an action the orchestrator accepted. */
    public static final String OK = "ok";
    static final String OTHER = "other";
    static final List<String> CLOSE_REASONS = List.of("unauthorized", "unavailable", "overloaded", "flood", "too_large",
            "kicked", "reset", "resync", "bad_request", SocketSessions.TICKET_REQUIRED, SocketSessions.INVALID_TICKET,
            ErrorCodes.TOO_MANY_SOCKETS, ErrorCodes.TOO_MANY_OPENS);
    /** Why a socket fetched frames from the outbox: a seq jumped, an acknowledged answer did not come, re-subscribed. */
    public static final List<String> CATCH_UP_REASONS = List.of("gap", "ack", "resubscribe");
    static final List<String> ACTION_OUTCOMES = List.of(OK, ErrorCodes.RATE_LIMITED, ErrorCodes.BUSY,
            ErrorCodes.BAD_REQUEST, ErrorCodes.TOO_LARGE, ErrorCodes.UNAUTHORIZED, ErrorCodes.UNAVAILABLE,
            ErrorCodes.OVERLOADED, ErrorCodes.INTERNAL);
    /** Exact bucket bounds for SLOs and alerts, as in the orchestrator's action latency. */
    private static final Duration[] LATENCY_SLOS = Stream.of(50, 100, 250, 500, 1000, 2000, 5000, 10_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry meters;
    private final Counter opened;
    private final Map<String, Counter> closed;
    private final Map<String, Counter> actions;
    private final Timer actionDuration;
    private final Map<String, Counter> catchUps;
    /** Gauges read this app's objects; see {@link #unregister()}. */
    private final List<Meter> gauges;

    public GatewayMetrics(MeterRegistry meters, ConnectionRegistry registry, RedisFanout fanout) {
        this.meters = meters;
        this.gauges = List.of(
                Gauge.builder("langomni.gateway.sockets.open", registry, ConnectionRegistry::openSockets)
                        .description("Player sockets open on this gateway").strongReference(true).register(meters),
                Gauge.builder("langomni.gateway.players.online", registry, ConnectionRegistry::playersOnline)
                        .description("Distinct players with at least one socket on this gateway").strongReference(true)
                        .register(meters),
                Gauge.builder("langomni.dependency.up", fanout, f -> f.isActive() ? 1 : 0)
                        .description("1 while the Redis fan-out subscription is established, else 0")
                        .tag("dependency", "redis").strongReference(true).register(meters));
        this.opened = Counter.builder("langomni.gateway.sockets.opened").description("Player sockets admitted")
                .register(meters);
        this.closed = counters(CLOSE_REASONS, reason -> Counter.builder("langomni.gateway.sockets.closed")
                .description("Sockets the gateway refused or closed on purpose").tag("reason", reason)
                .register(meters));
        this.actions = counters(ACTION_OUTCOMES, outcome -> Counter.builder("langomni.gateway.actions")
                .description("Actions forwarded to the orchestrator: ok when acknowledged (the answer is in the outbox), else the error code the gateway sent")
                .tag("outcome", outcome).register(meters));
        this.actionDuration = Timer.builder("langomni.gateway.action.duration")
                .description("From forwarding an action to the orchestrator's answer (its result is published by then)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .serviceLevelObjectives(LATENCY_SLOS).register(meters);
        this.catchUps = counters(CATCH_UP_REASONS, reason -> Counter.builder("langomni.gateway.catch.ups")
                .description("Times a socket fetched missed frames from its player's outbox, by why")
                .tag("reason", reason).register(meters));
    }

    /** A socket fetched missed frames from the outbox; see {@link #CATCH_UP_REASONS}. */
    public void catchUp(String reason) {
        of(catchUps, reason).increment();
    }

    private static Map<String, Counter> counters(List<String> words, Function<String, Counter> register) {
        return Stream.concat(words.stream(), Stream.of(OTHER))
                .collect(Collectors.toUnmodifiableMap(Function.identity(), register));
    }

    private static Counter of(Map<String, Counter> counters, String word) {
        Counter counter = word == null ? null : counters.get(word);
        return counter != null ? counter : counters.get(OTHER);
    }

    /** A socket was admitted and welcomed. */
    public void socketOpened() {
        opened.increment();
    }

    /** Counts sockets the gateway closed (or refused) on purpose, by reason. */
    public void socketClosed(String reason) {
        of(closed, reason).increment();
    }

    /** An action the gateway refused itself, never forwarded (so not timed): the error code the player was sent. */
    public void refused(String outcome) {
        of(actions, outcome).increment();
    }

    /** An action's round trip to the orchestrator: {@link #OK} or the error code the player was sent. */
    public void action(String outcome, long nanos) {
        of(actions, outcome).increment();
        actionDuration.record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Outside dev mode Quarkus leaves meters in Micrometer's global registry when the app stops; an app started again
     * in the same JVM (tests) would get these gauges back, still reading the stopped app's sockets.
     */
    @PreDestroy
    void unregister() {
        gauges.forEach(meters::remove);
    }
}
