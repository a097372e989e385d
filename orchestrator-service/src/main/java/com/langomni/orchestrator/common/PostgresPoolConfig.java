package com.langomni.orchestrator.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * What Quarkus does not expose of the reactive PostgreSQL pool (its size is
 * {@code quarkus.datasource.reactive.max-size}): how many may wait for a connection and for how long.
 */
@ConfigMapping(prefix = "langomni.postgres.pool")
public interface PostgresPoolConfig {

    /**
     * Requests waiting for a connection at most; one more fails at once ("overloaded"). Above what the admission
     * limits can queue, so only a bug or a store that stopped answering reaches it.
     */
    @WithDefault("1024")
    int maxWaitQueue();

    /** Longest wait for a connection before the request fails ("overloaded"); Vert.x waits 30 s by default. */
    @WithDefault("5s")
    Duration connectionTimeout();
}
