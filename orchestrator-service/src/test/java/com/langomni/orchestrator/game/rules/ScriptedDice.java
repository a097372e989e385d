package com.langomni.orchestrator.game.rules;

import com.langomni.orchestrator.game.rules.model.Dice;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Dice that return scripted rolls in order and fail the test on a roll nobody expected or one out of range. */
public final class ScriptedDice implements Dice {

    private final Deque<Integer> rolls = new ArrayDeque<>();

    public ScriptedDice(int... rolls) {
        for (int roll : rolls) {
            this.rolls.add(roll);
        }
    }

    ScriptedDice then(int... more) {
        for (int roll : more) {
            rolls.add(roll);
        }
        return this;
    }

    @Override
    public int roll(int min, int max) {
        if (rolls.isEmpty()) {
            fail("unexpected dice roll in [" + min + ", " + max + "]");
        }
        int roll = rolls.poll();
        assertTrue(roll >= min && roll <= max, "scripted roll " + roll + " outside [" + min + ", " + max + "]");
        return roll;
    }

    boolean used() {
        return rolls.isEmpty();
    }
}
