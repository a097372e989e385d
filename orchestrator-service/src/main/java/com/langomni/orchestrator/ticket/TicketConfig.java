package com.langomni.orchestrator.ticket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Socket tickets (docs/SECURITY.md, "Socket tickets and socket limits"). */
@ConfigMapping(prefix = "langomni.ticket")
public interface TicketConfig {

    /**
     * How long a ticket can be redeemed: long enough for a client to open its socket right after fetching it, short
     * enough that one found in a log or a browser history is useless.
     */
    @WithDefault("30s")
    Duration ttl();
}
