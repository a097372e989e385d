package com.langomni.orchestrator.world;

import com.langomni.orchestrator.game.rules.world.GameClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The game clock from {@code langomni.world.clock.*}: a bad setting stops the service at start. */
public class ClockProducer {

    @Produces
    @Singleton
    GameClock gameClock(WorldConfig config) {
        WorldConfig.Clock c = config.clock();
        try {
            return new GameClock(c.dayLength().toMillis(), c.epochMillis(), c.nightStartsHour(), c.dayStartsHour());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("langomni.world.clock: " + e.getMessage(), e);
        }
    }
}
