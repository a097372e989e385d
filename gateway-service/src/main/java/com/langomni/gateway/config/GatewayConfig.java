package com.langomni.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed gateway settings; every key is overridable by environment variable (LANGOMNI_GATEWAY_...). */
@ConfigMapping(prefix = "langomni.gateway")
public interface GatewayConfig {

    /** Largest text frame a client may send, in bytes; a bigger one closes the socket with 1009. */
    @WithDefault("4096")
    int maxFrameBytes();

    /** Actions one socket may have waiting or in flight; one more is answered rate_limited (the socket stays open). */
    @WithDefault("16")
    int maxQueuedActions();

    /**
     * Actions refused for a full queue within {@link #abuseWindow()} that make a socket abusive: it then takes no
     * more, answers what it took, and closes with 1008.
     */
    @WithDefault("64")
    int abuseRefusals();

    @WithDefault("10s")
    Duration abuseWindow();

    /**
     * How long an acknowledged answer may take to arrive through fan-out before the socket fetches it from the
     * outbox itself (fan-out and the acknowledgement race; the fetch covers a lost publish).
     */
    @WithDefault("1s")
    Duration catchUpGrace();

    /** Sustained inbound frames per second per socket (any type); faster is abuse (close 1008). */
    @WithDefault("20")
    int maxFramesPerSecond();

    /** Frames a socket may send in a burst above the sustained rate. */
    @WithDefault("40")
    int maxFrameBurst();

    /**
     * This gateway's id in the orchestrator's presence (1-128 letters, digits, '.', '_', '-'). Absent (the
     * default): the host name (the pod name in Kubernetes) and a random suffix chosen at start, so two gateways on
     * one host differ and a restarted gateway, even in the same pod, is a new instance. Set it only to something
     * unique per process.
     */
    Optional<String> instanceId();

    Orchestrator orchestrator();

    Api api();

    Heartbeat heartbeat();

    Fanout fanout();

    Ui ui();

    /** The {@code /api/**} forwarding to the orchestrator ({@code ApiForwarder}). */
    interface Api {

        /**
         * Largest request body forwarded, in bytes; a larger one is answered 413 {@code too_large} without reaching
         * the orchestrator. The API's biggest body is an action (500 characters) or a ban reason: 64 KiB is ample.
         */
        @WithDefault("65536")
        int maxBodyBytes();

        /**
         * Addresses (IPs or CIDR blocks, e.g. {@code 10.0.0.0/8}) of the proxies in front of this gateway (an ingress,
         * nginx) whose {@code X-Forwarded-For} is believed. The client is the last address in that header not in this
         * list, the peer's own when the peer is not listed. Empty (the default): the peer is the client and whatever
         * the request says in {@code X-Forwarded-For} is ignored. The orchestrator throttles per this address.
         */
        Optional<List<String>> trustedProxies();
    }

    /** What the web client is told at runtime through /env.js (nothing is baked into the bundle). */
    interface Ui {

        /** Origin of the HTTP API as the browser sees it; absent = the page's own origin (this gateway). */
        Optional<String> apiBase();

        /** Origin of the player socket (ws:// or wss://); absent = the page's own origin. */
        Optional<String> wsBase();
    }

    interface Orchestrator {

        /** Base URL of the orchestrator; also feeds quarkus.rest-client.orchestrator.url. */
        @WithDefault("http://localhost:8081")
        String url();

        /**
         * Deadline for opening a socket session (the player waits for the welcome frame this long at most); longer
         * than the orchestrator's player-lock wait (5s), which opening a session may have to sit out.
         */
        @WithDefault("8s")
        Duration sessionTimeout();

        /**
         * Deadline for one forwarded action, narration included; longer than the orchestrator's lock wait (5s) plus
         * its longest narration budget (the world stream, 15s), shorter than its lock lease (30s).
         */
        @WithDefault("25s")
        Duration actionTimeout();

        /**
         * Actions this gateway forwards at once (one per socket at most, each holding a connection of the REST
         * client's pool, quarkus.rest-client.orchestrator.connection-pool-size, for its whole time, narration
         * included). Past it an action is answered {@code overloaded} at once instead of waiting for a connection.
         */
        @WithDefault("1024")
        int maxInFlightActions();

        /** Connect timeout of the /api/** forwarding client. */
        @WithDefault("2s")
        Duration proxyConnectTimeout();

        /** A forwarded /api/** exchange fails when no byte moves for this long. */
        @WithDefault("30s")
        Duration proxyIdleTimeout();

        /** Deadline of the informational reachability probe in the readiness check. */
        @WithDefault("1s")
        Duration healthTimeout();

        /** The circuit breaker of each call to the orchestrator's own endpoints but heartbeat and health. */
        Breaker breaker();
    }

    /**
     * A breaker opens when {@code failure-ratio} of the last {@code request-volume-threshold} calls failed to reach
     * the orchestrator (an HTTP error answer is no such failure), and lets one call through again after
     * {@code delay}; meanwhile the call fails at once (a player hears {@code unavailable}).
     */
    interface Breaker {

        @WithDefault("8")
        int requestVolumeThreshold();

        @WithDefault("0.75")
        double failureRatio();

        @WithDefault("2s")
        Duration delay();
    }

    /** The heartbeat that keeps this gateway's sockets counted (the orchestrator reaps a gateway silent for 15 s). */
    interface Heartbeat {

        /** Between two heartbeats; the orchestrator's langomni.presence.dead-after is three of these. */
        @WithDefault("5s")
        Duration interval();

        /** Deadline of one heartbeat call; a late one is a missed beat. */
        @WithDefault("2s")
        Duration timeout();
    }

    interface Fanout {

        /** First delay before re-subscribing to Redis after the subscription failed or dropped. */
        @WithDefault("500ms")
        Duration retryInitial();

        /** Longest delay between re-subscription attempts (exponential backoff up to this). */
        @WithDefault("10s")
        Duration retryMax();
    }
}
