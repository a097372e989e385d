package com.langomni.orchestrator.config;

import com.langomni.orchestrator.domain.Dice;
import com.langomni.orchestrator.domain.Parser;
import com.langomni.orchestrator.domain.RulesEngine;
import com.langomni.orchestrator.domain.World;
import com.langomni.orchestrator.world.WorldPackLoader;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadLocalRandom;

/** Wires the plain-Java domain into CDI: the world pack, the parser and the rules engine. */
public class DomainProducers {

    @Produces
    @Singleton
    World world(GameConfig config) {
        World world = WorldPackLoader.fromClasspath(config.worldPack());
        Log.infof("World pack %s loaded: %d locations, %d NPCs, %d items, %d creatures", world.version(),
                world.locations().size(), world.npcs().size(), world.items().size(), world.creatures().size());
        return world;
    }

    @Produces
    @Singleton
    Parser parser() {
        return new Parser();
    }

    @Produces
    @Singleton
    RulesEngine rulesEngine(World world) {
        Dice dice = (min, max) -> max <= min ? min : ThreadLocalRandom.current().nextInt(min, max + 1);
        return new RulesEngine(world, dice);
    }
}
