package com.langomni.orchestrator.knowledge;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs a gossip round every {@code langomni.gossip.interval} on every replica; the round's Redis lease lets one of
 * them do it. Off with {@code langomni.gossip.enabled=false} (tests run rounds themselves).
 */
@ApplicationScoped
public class GossipTimer {

    private final GossipRounds rounds;
    private final GossipConfig config;
    private final Vertx vertx;
    private long timer = -1;

    GossipTimer(GossipRounds rounds, GossipConfig config, Vertx vertx) {
        this.rounds = rounds;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.interval().toMillis(), id -> rounds.runOnce(System.currentTimeMillis())
                    .subscribe().with(report -> { }, failure -> Log.debugf("Gossip round failed: %s", failure)));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
