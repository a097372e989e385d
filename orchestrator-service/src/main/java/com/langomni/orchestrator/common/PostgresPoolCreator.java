package com.langomni.orchestrator.common;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * The reactive PostgreSQL pool Quarkus builds from its own settings, with a bounded wait queue and a short
 * connection timeout: under overload a request fails fast instead of queueing for 30 s behind the others.
 */
@Singleton
public class PostgresPoolCreator implements PgPoolCreator {

    private final PostgresPoolConfig config;

    PostgresPoolCreator(PostgresPoolConfig config) {
        this.config = config;
    }

    @Override
    @SuppressWarnings("deprecation") // Quarkus casts the pool it gets back to PgPool, which PgPool.pool builds
    public Pool create(Input input) {
        PoolOptions options = new PoolOptions(input.poolOptions())
                .setMaxWaitQueueSize(config.maxWaitQueue())
                .setConnectionTimeout((int) config.connectionTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), options);
    }
}
