package com.langomni.npc.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns text into comparable terms for lexical matching: lower case, letters and digits only, stopwords dropped,
 * and a light suffix stemmer so "swords", "wolves" and "forged" meet "sword", "wolf" and "forge".
 */
public final class TextAnalyzer {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Common English function words, plus the words players wrap a question in ("tell me about ..."). */
    private static final Set<String> STOPWORDS = Set.of(
            "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "anything", "are",
            "around", "as", "ask", "at", "be", "been", "being", "but", "by", "can", "could", "did", "do", "does",
            "doing", "for", "from", "had", "has", "have", "he", "her", "here", "hers", "him", "his", "how", "i",
            "if", "in", "into", "is", "it", "its", "just", "know", "let", "like", "me", "mind", "more", "most", "my",
            "of", "on", "or", "our", "out", "please", "say", "she", "should", "so", "some", "something", "speak",
            "talk", "tell", "than", "that", "the", "their", "them", "then", "there", "these", "they", "thing",
            "things", "this", "those", "to", "too", "up", "us", "very", "was", "we", "were", "what", "when",
            "where", "which", "who", "whom", "why", "will", "with", "would", "you", "your", "yours");

    /** Words that only greet; input made of nothing else is a greeting. */
    private static final Set<String> GREETINGS = Set.of("hello", "hi", "hey", "hiya", "greetings", "greeting",
            "howdy", "hail", "good", "morning", "afternoon", "evening", "day", "well", "met", "yo", "salutations",
            "welcome", "cheers", "friend", "sir", "madam", "there");

    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        for (String token : tokens(text)) {
            if (!STOPWORDS.contains(token)) {
                terms.add(stem(token));
            }
        }
        return terms;
    }

    /** True when the words are only greetings, stopwords or {@code ignoredTerms} (e.g. the NPC's own name). */
    public boolean isGreeting(String text, Set<String> ignoredTerms) {
        List<String> tokens = tokens(text);
        return !tokens.isEmpty() && tokens.stream().anyMatch(GREETINGS::contains) && tokens.stream()
                .allMatch(t -> GREETINGS.contains(t) || STOPWORDS.contains(t) || ignoredTerms.contains(stem(t)));
    }

    List<String> tokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>();
        for (String t : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (t.length() > 1 || (!t.isEmpty() && Character.isDigit(t.charAt(0)))) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    /** A deliberately small suffix stripper: enough for plurals and -ing/-ed, never an empty stem. */
    static String stem(String word) {
        String w = word;
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("ves") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "f";
        } else if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("ing") && w.length() > 5) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.endsWith("ed") && w.length() > 4) {
            w = undouble(w.substring(0, w.length() - 2));
        }
        if (w.endsWith("e") && w.length() > 4) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** "running" strips to "runn": drop the doubled consonant (but keep "ll", "ss", "zz": "smelled", "passed"). */
    private static String undouble(String w) {
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
