package com.langomni.orchestrator.world;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The living world: the game clock, how fresh each replica keeps the admins' world status, respawn sweeps. */
@ConfigMapping(prefix = "langomni.world")
public interface WorldConfig {

    Clock clock();

    /** How long a replica trusts the world status (paused, event) it read from PostgreSQL. */
    @WithDefault("1s")
    Duration statusTtl();

    /** How often creatures whose time has come are brought back and announced; 0 turns the sweep off. */
    @WithDefault("5s")
    Duration respawnSweep();

    interface Clock {
        /** Real time per game day. */
        @WithDefault("1h")
        Duration dayLength();

        /** Wall time (epoch millis) at which game day 1 begins at midnight. */
        @WithDefault("0")
        long epochMillis();

        @WithDefault("20")
        int nightStartsHour();

        @WithDefault("6")
        int dayStartsHour();
    }
}
