package com.langomni.orchestrator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Narration and NPC dialog. {@code timeout-ms} also sets the fault-tolerance timeout of
 * {@code Narrator#narrate} (see application.properties).
 */
@ConfigMapping(prefix = "langomni.narration")
public interface NarrationConfig {

    /** Budget for the whole narration (memory recall included) before the rules' own text is used. */
    @WithDefault("1500")
    long timeoutMs();

    /** Budget for recalling an NPC's memories; the NPC answers without them when it runs out. */
    @WithDefault("400")
    long memoryTimeoutMs();

    /** Memories passed to the NPC service. */
    @WithDefault("5")
    int memoryLimit();

    /** Recent room events passed to the world narrator. */
    @WithDefault("5")
    int recentEvents();
}
