package com.langomni.gateway.service;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.langomni.api.bus.Channels;
import com.langomni.gateway.config.GatewayConfig;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The gateway's one Redis subscription: both channel patterns on a dedicated connection, opened at start. When it
 * fails or drops it is opened again with exponential backoff; messages published meanwhile are gone from pub/sub, so
 * once it is back every socket here fetches what it missed from its player's outbox ({@link OutboxCatchUp}).
 */
@ApplicationScoped
public class RedisFanout {

    private static final List<String> PATTERNS = List.of(Channels.PLAYER_PATTERN, Channels.LOCATION_PATTERN);

    private final ReactivePubSubCommands<String> pubsub;
    private final FanoutDispatcher dispatcher;
    private final GatewayConfig config;
    /** Bumped for every subscription attempt, so the callbacks of a replaced subscription are ignored. */
    private final AtomicLong generation = new AtomicLong();
    private volatile ReactiveRedisSubscriber current;
    private volatile boolean stopping;

    private final OutboxCatchUp catchUp;
    private final ConnectionRegistry registry;

    public RedisFanout(ReactiveRedisDataSource redis, FanoutDispatcher dispatcher, GatewayConfig config,
            OutboxCatchUp catchUp, ConnectionRegistry registry) {
        this.catchUp = catchUp;
        this.registry = registry;
        this.pubsub = redis.pubsub(String.class);
        this.dispatcher = dispatcher;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        subscribe(generation.incrementAndGet());
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        ReactiveRedisSubscriber subscriber = current;
        current = null;
        if (subscriber != null) {
            subscriber.unsubscribe().subscribe().with(done -> { }, failure -> { });
        }
    }

    /** True while the pattern subscription is established. */
    public boolean isActive() {
        return current != null;
    }

    private void subscribe(long attempt) {
        pubsub.subscribeToPatterns(PATTERNS, dispatcher::dispatch, () -> lost(attempt, null), failure -> lost(attempt, failure))
                .onFailure().invoke(failure -> Log.warnf("Redis fan-out subscription failed (%s); retrying", failure.toString()))
                .onFailure(failure -> !stopping).retry()
                .withBackOff(config.fanout().retryInitial(), config.fanout().retryMax()).indefinitely()
                .subscribe().with(subscriber -> {
                    if (attempt == generation.get() && !stopping) {
                        current = subscriber;
                        Log.infof("Subscribed to %s on Redis", PATTERNS);
                        if (attempt > 1) {
                            catchUp.resubscribed(registry.allSessions());
                        }
                    } else {
                        subscriber.unsubscribe().subscribe().with(done -> { }, failure -> { });
                    }
                }, failure -> Log.debugf("Redis fan-out subscription abandoned: %s", failure.toString()));
    }

    private void lost(long attempt, Throwable failure) {
        if (stopping || !generation.compareAndSet(attempt, attempt + 1)) {
            return;
        }
        ReactiveRedisSubscriber lostSubscriber = current;
        current = null;
        Log.warnf("Redis fan-out subscription lost (%s); re-subscribing", failure == null ? "connection closed" : failure.toString());
        if (lostSubscriber != null) {
            // After an error the connection may still be up: close it so no message is delivered twice.
            lostSubscriber.unsubscribe().subscribe().with(done -> { }, ignored -> { });
        }
        subscribe(attempt + 1);
    }
}
