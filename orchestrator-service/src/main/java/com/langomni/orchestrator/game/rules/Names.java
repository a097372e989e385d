package com.langomni.orchestrator.game.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How typed phrases are compared with authored names: lower case, punctuation and articles dropped, so "the
 * Smith's  Hammer!" and "smith's hammer" find the same thing.
 */
final class Names {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
    static final Set<String> ARTICLES = Set.of("the", "a", "an", "some", "my", "this", "that", "your");

    private Names() {
    }

    /** Lower case words of {@code text}, punctuation and articles removed; "" for null. */
    static String normalize(String text) {
        return String.join(" ", words(text));
    }

    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String cleaned = NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        if (cleaned.isEmpty()) {
            return List.of();
        }
        List<String> words = new ArrayList<>(Arrays.asList(cleaned.split(" ")));
        words.removeIf(ARTICLES::contains);
        return words;
    }

    /** The score of an exact name. */
    static final int EXACT = 3;

    /**
     * How well {@code phrase} names something called by any of {@code terms}: {@link #EXACT} for an exact name, 2
     * when every word of the phrase is a word of a name ("sword" for "rusty sword"), 1 for a looser match (every
     * word the start of a word of a name, "lant" for "lantern", or the phrase's last word, its noun, is a word of
     * the name: "shiny sword" for "rusty sword"), 0 for no match.
     */
    static int score(String phrase, Collection<String> terms) {
        List<String> wanted = words(phrase);
        if (wanted.isEmpty()) {
            return 0;
        }
        String joined = String.join(" ", wanted);
        int best = 0;
        for (String term : terms) {
            List<String> have = words(term);
            if (have.isEmpty()) {
                continue;
            }
            if (String.join(" ", have).equals(joined)) {
                return EXACT;
            }
            if (have.containsAll(wanted)) {
                best = 2;
            } else if (best < 1 && (prefixes(wanted, have) || headNoun(wanted, have))) {
                best = 1;
            }
        }
        return best;
    }

    /** Every wanted word of at least 3 letters starts a word of the name, and there are at most 2 of them. */
    private static boolean prefixes(List<String> wanted, List<String> have) {
        if (wanted.size() > 2) {
            return false;
        }
        for (String w : wanted) {
            if (w.length() < 3 || have.stream().noneMatch(h -> h.startsWith(w))) {
                return false;
            }
        }
        return true;
    }

    /** A short phrase whose last word is a word of the name, the other words unknown adjectives. */
    private static boolean headNoun(List<String> wanted, List<String> have) {
        return wanted.size() <= 3 && have.contains(wanted.get(wanted.size() - 1));
    }
}
