package com.langomni.simulator.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the simulator answers a structured-output request whose schema is one string property with an enum (an
 * intent proposal: {@code {"action": "take rusty lantern" | ... | "none"}}): deterministically, the option that
 * shares the most words with the user's text (words of 4 letters or more also match by their first 4 letters, so
 * "grabbing" meets "grab"), the first on a tie, and {@code none} (when the enum has it) when no option shares a word.
 * Plain Java: the orchestrator's corpus test calls it directly to measure the simulator path.
 */
public final class StructuredChoice {

    public static final String NONE = "none";

    private static final Set<String> IGNORED = Set.of("to", "the", "a", "an", "of", "at", "on", "in", "with", "and",
            "i", "my", "me", "you", "it", "is", "for");

    private StructuredChoice() {
    }

    /** The option chosen for {@code text}; {@code none} (or the first option when none is offered) on no overlap. */
    public static String choose(String text, List<String> options) {
        Set<String> said = stems(text);
        String best = null;
        int bestScore = 0;
        for (String option : options) {
            if (NONE.equals(option)) {
                continue;
            }
            int score = 0;
            for (String word : stems(option)) {
                if (said.contains(word)) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = option;
                bestScore = score;
            }
        }
        if (best != null) {
            return best;
        }
        return options.contains(NONE) || options.isEmpty() ? NONE : options.get(0);
    }

    private static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        if (text == null) {
            return stems;
        }
        List<String> words = new ArrayList<>(List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        for (String word : words) {
            if (word.isEmpty() || IGNORED.contains(word)) {
                continue;
            }
            stems.add(word.length() >= 4 ? word.substring(0, 4) : word);
        }
        return stems;
    }
}
