package com.langomni.world.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the world narration service ({@code langomni.world.*}, env {@code LANGOMNI_WORLD_*}). */
@ConfigMapping(prefix = "langomni.world")
public interface WorldConfig {

    /** Which {@code NarrationBackend} narrates: {@code rules} (embedded, the default). */
    @WithDefault("rules")
    String backend();

    /** The rule narrator. */
    Narrator narrator();

    interface Narrator {
        /** Longest stretch of a player's speech quoted back in a narration. */
        @WithDefault("200")
        int maxQuoteChars();
    }
}
