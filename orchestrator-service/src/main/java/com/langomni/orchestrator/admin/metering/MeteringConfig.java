package com.langomni.orchestrator.admin.metering;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Map;

/**
 * What LLM tokens cost and how many a player and the world may spend. Budgets count every metered token (world
 * narration, NPC replies, importance ratings of the player's memories) of the player or of everyone (NPCs'
 * reflections too); past a budget the rules
 * narrate and NPCs give their authored answers, never an error.
 */
@ConfigMapping(prefix = "langomni.metering")
public interface MeteringConfig {

    /** Shown beside every cost. */
    @WithDefault("USD")
    String currency();

    /**
     * Price per 1,000 tokens per backend role ({@code world}, {@code npc}, {@code importance}, {@code reflection});
     * unlisted: 0.
     */
    @WithName("price-per-1k")
    Map<String, Double> pricePer1k();

    Budget budget();

    interface Budget {
        /** Off: tokens are still metered, nobody is ever cut off. */
        @WithDefault("true")
        boolean enabled();

        /** Tokens one player may spend per clock hour (UTC); 0 for no limit. */
        @WithDefault("250000")
        long playerTokensPerHour();

        /** Tokens one player may spend per day (UTC); 0 for no limit. */
        @WithDefault("1500000")
        long playerTokensPerDay();

        /** Tokens everyone together may spend per clock hour; 0 for no limit. Admins change it at runtime. */
        @WithDefault("0")
        long worldTokensPerHour();
    }
}
