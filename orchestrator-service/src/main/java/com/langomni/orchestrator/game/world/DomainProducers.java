package com.langomni.orchestrator.game.world;

import com.langomni.orchestrator.game.rules.model.Dice;
import com.langomni.orchestrator.narration.NarrationPolicy;
import com.langomni.orchestrator.game.rules.Lexicon;
import com.langomni.orchestrator.game.rules.Parser;
import com.langomni.orchestrator.game.rules.RulesEngine;
import com.langomni.api.outcome.Verb;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.rules.world.GameClock;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import com.langomni.orchestrator.game.GameConfig;
import com.langomni.orchestrator.narration.NarrationConfig;

/** Wires the plain-Java domain into CDI: the world pack, the parser, the rules engine and the narration policy. */
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
    Parser parser(World world) {
        return new Parser(Lexicon.of(world));
    }

    @Produces
    @Singleton
    RulesEngine rulesEngine(World world, GameClock clock) {
        Dice dice = (min, max) -> max <= min ? min : ThreadLocalRandom.current().nextInt(min, max + 1);
        return new RulesEngine(world, dice, clock);
    }

    @Produces
    @Singleton
    NarrationPolicy narrationPolicy(NarrationConfig config) {
        NarrationConfig.Policy policy = config.policy();
        Map<Verb, Integer> maxTokens = new EnumMap<>(Verb.class);
        policy.maxTokens().forEach((intent, tokens) -> maxTokens.put(verb(intent), tokens));
        return new NarrationPolicy(verbs(policy.llmIntents()), verbs(policy.highPriorityIntents()),
                verbs(config.cache().enabled() ? config.cache().intents() : Set.of()), policy.narrateRefusals(),
                maxTokens, policy.defaultMaxTokens());
    }

    private static Set<Verb> verbs(Set<String> intents) {
        return intents.stream().map(DomainProducers::verb).collect(Collectors.toCollection(() -> EnumSet.noneOf(Verb.class)));
    }

    /** A misspelt intent in the configuration stops the service at start, not quietly later. */
    private static Verb verb(String intent) {
        try {
            return Verb.valueOf(intent.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("langomni.narration: '" + intent + "' is not an intent; intents are "
                    + Arrays.toString(Verb.values()).toLowerCase(Locale.ROOT), e);
        }
    }
}
