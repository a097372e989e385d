package com.langomni.orchestrator.knowledge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How news travels between NPCs ({@code langomni.gossip.*}; see {@link Gossip}). */
@ConfigMapping(prefix = "langomni.gossip")
public interface GossipConfig {

    /** Whether rounds run on a timer (tests run them one at a time through {@link GossipRounds#runOnce}). */
    @WithDefault("true")
    boolean enabled();

    /** Time between two rounds. */
    @WithDefault("60s")
    Duration interval();

    /** Importance kept per hop (0..1]. */
    @WithDefault("0.7")
    double decay();

    /** Tellings away from a witness at most. */
    @WithDefault("3")
    int maxHops();

    /** News whose importance decays below this is not passed on. */
    @WithDefault("3")
    int minImportance();

    /** An NPC's newest memories a round reads (what it can tell, and what it already knows). */
    @WithDefault("200")
    int scanLimit();

    /** The cluster-wide lease one round holds (one replica runs a round; it lapses if that replica dies). */
    @WithDefault("30s")
    Duration lease();

    /** Deadline of each call to memory-service during a round. */
    @WithDefault("5s")
    Duration memoryTimeout();

    default Gossip.Settings settings() {
        return new Gossip.Settings(decay(), maxHops(), minImportance());
    }
}
