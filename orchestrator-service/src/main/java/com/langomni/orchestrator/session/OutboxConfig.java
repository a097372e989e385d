package com.langomni.orchestrator.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The per-player outbox (a Redis Stream): what a player can get back after a drop. Sized for a reconnect, not for
 * history: a busy room sends a player a few frames a second, so 512 frames cover minutes of absence, at about
 * 0.3 KB each (150 KB per active player at most).
 */
@ConfigMapping(prefix = "langomni.outbox")
public interface OutboxConfig {

    /** Frames kept per player (at least; Redis trims whole stream nodes, so a few more may stay). */
    @WithDefault("512")
    int retention();

    /** A player's outbox is dropped this long after its last frame: a client away longer starts fresh. */
    @WithDefault("1h")
    Duration idleExpiry();

    /**
     * The sequence counter outlives the outbox, so a client coming back after the outbox expired is told its frames
     * are gone rather than being matched against numbers that started again.
     */
    @WithDefault("7d")
    Duration counterExpiry();
}
