package com.langomni.orchestrator.game;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the action pipeline. */
@ConfigMapping(prefix = "langomni.game")
public interface GameConfig {

    /** Classpath resource of the world pack. */
    @WithDefault("world/pack.yaml")
    String worldPack();

    /** Longest action text accepted; longer is refused with too_large. */
    @WithDefault("500")
    int maxActionLength();

    /** How long a player's hot state stays in Redis after its last write. */
    @WithDefault("30m")
    Duration playerCacheTtl();

    RateLimit rateLimit();

    TalkBudget talkBudget();

    Lock lock();

    Admission admission();

    Crowd crowd();

    /**
     * A crowded room stays cheap: a view lists a bounded number of the players present, and sockets opening or
     * closing there are not announced to everyone (with 10,000 players in one square, every arrival told to
     * every other player is 100 million frames, and every view listing them all is megabytes).
     */
    interface Crowd {
        /** Players listed in a location view, first by name; the viewer is always among them. */
        @WithDefault("50")
        int maxListed();

        /** Up to this many players present, a socket opening or closing is announced ("appears"/"fades away"). */
        @WithDefault("100")
        int announceUpTo();
    }

    /**
     * What one replica takes on at once before it refuses with {@code overloaded} (503) instead of queueing: a
     * refusal costs microseconds, while a queue past the pools' capacity only turns into deadlines missed by all.
     */
    interface Admission {
        /**
         * Actions doing their state work at once per replica (turn, load, commit, fan-out; narration, which has
         * its own limits and holds no pooled connection, does not count). Each holds a PostgreSQL connection
         * for one transaction and Redis for a handful of round trips; 256 keeps both pools busy while what
         * waits drains in well under a second at this box's ~600 actions/s (docs/PERFORMANCE.md).
         */
        @WithDefault("256")
        int maxActions();

        /** Socket sessions opening or closing at once per replica (a flash crowd connecting). */
        @WithDefault("256")
        int maxSessions();

        /**
         * Password checks (bcrypt, tens of milliseconds of CPU each) running or queued for the bcrypt pool
         * (langomni.auth.hashing-threads). Past this, logins and registrations are refused at once with 429
         * rate_limited rather than waiting for seconds behind each other.
         */
        @WithDefault("16")
        int maxPasswordChecks();
    }

    /**
     * NPC conversations (TALK, TELL) one player may start per window: each costs an NPC reply, an importance rating,
     * an embedding and two memories. Past it the rules refuse the talk ({@code TALKED_OUT}): no LLM call, no memory,
     * no state change. 20 a minute is a conversation every 3 s, more than anyone reads; a script hits it.
     */
    interface TalkBudget {
        @WithDefault("20")
        int talks();

        @WithDefault("1m")
        Duration window();
    }

    /** Per-player token bucket. */
    interface RateLimit {
        /** Tokens added per second. */
        @WithDefault("4")
        double refillPerSecond();

        /** Bucket size: the burst a player may send at once. */
        @WithDefault("8")
        int capacity();
    }

    /** Per-player action lock: one action in flight per player. */
    interface Lock {
        /** Lock lease; must outlive the slowest action (narration timeout included). */
        @WithDefault("30s")
        Duration lease();

        /** How long a second action waits for its turn before it is refused as busy. */
        @WithDefault("5s")
        Duration waitTimeout();

        /** First retry delay while waiting; doubles up to {@link #maxBackoff()}. */
        @WithDefault("5ms")
        Duration minBackoff();

        @WithDefault("100ms")
        Duration maxBackoff();
    }
}
