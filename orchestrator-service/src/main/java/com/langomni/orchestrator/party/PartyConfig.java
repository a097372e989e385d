package com.langomni.orchestrator.party;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Parties of players. */
@ConfigMapping(prefix = "langomni.party")
public interface PartyConfig {

    /** Most members a party may have. */
    @WithDefault("4")
    int maxSize();

    /** How long an invitation stands before it lapses unanswered. */
    @WithDefault("10m")
    Duration inviteTtl();
}
