package com.langomni.orchestrator.config;

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

    Lock lock();

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
