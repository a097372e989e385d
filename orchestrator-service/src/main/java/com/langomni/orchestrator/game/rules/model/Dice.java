package com.langomni.orchestrator.game.rules.model;

import java.util.concurrent.ThreadLocalRandom;

/** The rules engine's only source of chance, injected so tests can fix the rolls. */
@FunctionalInterface
public interface Dice {
    /** A uniformly random integer in {@code [min, max]}. */
    int roll(int min, int max);

    /** Fair dice for play; thread-safe. */
    static Dice random() {
        return (min, max) -> max <= min ? min : ThreadLocalRandom.current().nextInt(min, max + 1);
    }
}
