package com.langomni.orchestrator.trade;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Trading between players. */
@ConfigMapping(prefix = "langomni.trade")
public interface TradeConfig {

    /** How long an offer stands before it lapses unanswered. */
    @WithDefault("2m")
    Duration offerTtl();
}
