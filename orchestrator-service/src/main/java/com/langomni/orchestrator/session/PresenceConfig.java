package com.langomni.orchestrator.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Presence that heals: gateways heartbeat (langomni.gateway.heartbeat.interval, 5 s); a gateway silent for longer
 * than {@link #deadAfter()} is declared dead by the reaper and its sockets are closed as if it had reported each
 * close. Worst case a killed gateway's players go offline dead-after + reaper-interval (+ one player lock wait)
 * after its last heartbeat: 15 + 5 (+ 5) s, inside the 30 s promised.
 */
@ConfigMapping(prefix = "langomni.presence")
public interface PresenceConfig {

    /** A gateway whose last heartbeat is older than this is dead; three missed 5 s heartbeats. */
    @WithDefault("15s")
    Duration deadAfter();

    /** How often every replica tries to run a reaper round (one at a time cluster-wide, under a Redis lease). */
    @WithDefault("5s")
    Duration reaperInterval();

    /** The lease one round holds; a round is cut short at this length, so two never overlap. */
    @WithDefault("30s")
    Duration reaperLease();

    /** Sockets of one dead gateway closed per round (the rest in the next rounds). */
    @WithDefault("1000")
    int reapBatch();

    /** Sockets closed at once in a round (each takes its player's lock). */
    @WithDefault("16")
    int reapConcurrency();

    /**
     * Sockets one player may have open at once, on all gateways together (a browser tab each); one more is refused
     * ({@code too_many_sockets}, close 4429) and the open ones go on.
     */
    @WithDefault("3")
    int maxSocketsPerPlayer();

    /**
     * Sockets one player may open per minute (a token bucket of this many, refilled evenly over the minute), so
     * opening and closing in a loop cannot flood the room with "appears" and "fades away"; past it an open is
     * refused ({@code too_many_opens}, close 4429).
     */
    @WithDefault("10")
    int opensPerMinute();
}
