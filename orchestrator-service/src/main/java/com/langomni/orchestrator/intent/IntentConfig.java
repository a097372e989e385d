package com.langomni.orchestrator.intent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Understanding what players type beyond the parser ({@code langomni.intent.*}, env {@code LANGOMNI_INTENT_*}). */
@ConfigMapping(prefix = "langomni.intent")
public interface IntentConfig {

    /** Who proposes an intent for words the parser could not map: nobody (rules only), the world model or an NPC one. */
    enum Proposer { OFF, WORLD, NPC }

    /**
     * {@code off}: rules only; {@code world}: world-llm-service's {@code POST /api/intent/propose}; {@code npc}:
     * npc-llm-service's (the NPC replicas, often a smaller, faster model).
     */
    @WithDefault("world")
    Proposer proposer();

    /** The proposal step's own deadline; past it the player gets "I don't understand" with suggestions. */
    @WithDefault("1500ms")
    Duration deadline();

    /** Legal actions offered to the model at most (the list is ordered: moves and what is here first). */
    @WithDefault("60")
    int maxActions();

    /** Legal actions suggested to a player who was not understood. */
    @WithDefault("4")
    int suggestions();

    /** How long "it", "him", "her" and "them" stand for the last thing a player referred to. */
    @WithDefault("30m")
    Duration referentTtl();
}
