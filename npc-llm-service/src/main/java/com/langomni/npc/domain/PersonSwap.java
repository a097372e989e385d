package com.langomni.npc.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a player said to an NPC into what the NPC says back about it: the speaker becomes "you" and the
 * listener "I" ("my sister is Mira" -> "your sister is Mira", "I gave you my sword" -> "you gave me your sword").
 * A word-by-word heuristic: "you" becomes "I" where it opens a clause and "me" elsewhere, and the verb after a
 * swapped pronoun agrees ("I am" -> "you are"). Good enough for short remarks; names and other words are kept.
 */
final class PersonSwap {
    private static final Pattern WORD = Pattern.compile("[\\p{L}’']+");
    private static final Map<String, String> SWAP = Map.ofEntries(
            Map.entry("i", "you"), Map.entry("me", "you"), Map.entry("my", "your"), Map.entry("mine", "yours"),
            Map.entry("myself", "yourself"), Map.entry("i'm", "you're"), Map.entry("i've", "you've"),
            Map.entry("i'll", "you'll"), Map.entry("i'd", "you'd"), Map.entry("your", "my"),
            Map.entry("yours", "mine"), Map.entry("yourself", "myself"), Map.entry("you're", "I'm"),
            Map.entry("you've", "I've"), Map.entry("you'll", "I'll"), Map.entry("you'd", "I'd"),
            Map.entry("we", "you"), Map.entry("our", "your"), Map.entry("us", "you"));
    /** Verb forms that follow "I" but not "you", and back. */
    private static final Map<String, String> AFTER_YOU = Map.of("am", "are", "was", "were");
    private static final Map<String, String> AFTER_I = Map.of("are", "am", "were", "was");

    private PersonSwap() {
    }

    static String toListener(String words) {
        Matcher m = WORD.matcher(words);
        StringBuilder out = new StringBuilder();
        int last = 0;
        String previous = null;
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
            String gap = words.substring(last, m.start());
            String replacement;
            if ("you".equals(lower)) {
                replacement = clauseStart(previous, gap) ? "I" : "me";
            } else if (SWAP.containsKey(lower)) {
                replacement = SWAP.get(lower);
            } else if ("you".equals(previous) && AFTER_YOU.containsKey(lower)) {
                replacement = AFTER_YOU.get(lower);
            } else if ("I".equals(previous) && AFTER_I.containsKey(lower)) {
                replacement = AFTER_I.get(lower);
            } else {
                replacement = word;
            }
            out.append(gap).append(replacement);
            previous = replacement;
            last = m.end();
        }
        return out.append(words.substring(last)).toString();
    }

    /** "you" opens a clause at the start, after punctuation, or after a joining word. */
    private static boolean clauseStart(String previous, String gap) {
        return previous == null || gap.matches(".*[,;:.!?].*")
                || List.of("and", "but", "that", "if", "because", "when", "so", "or").contains(
                previous.toLowerCase(Locale.ROOT));
    }
}
