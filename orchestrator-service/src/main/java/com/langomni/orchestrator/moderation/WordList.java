package com.langomni.orchestrator.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The built-in check: a list of words and phrases (matched whole, after {@link TextNormalizer} folded the text) and
 * of regular expressions (matched anywhere in the folded text). Plain Java, built once from config: no I/O, no
 * state, safe from any thread.
 */
public final class WordList {

    private final List<Pattern> words;
    private final List<Pattern> patterns;

    /** @throws IllegalArgumentException naming a pattern that does not compile */
    public WordList(List<String> words, List<String> patterns) {
        this.words = words.stream().map(TextNormalizer::normalize).map(String::strip).filter(w -> !w.isEmpty())
                .map(w -> Pattern.compile(" " + Pattern.quote(w) + " ")).toList();
        List<Pattern> compiled = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                compiled.add(Pattern.compile(pattern));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("langomni.moderation.patterns: '" + pattern + "' is not a regular"
                        + " expression: " + e.getDescription(), e);
            }
        }
        this.patterns = List.copyOf(compiled);
    }

    public Verdict check(String text) {
        String folded = TextNormalizer.normalize(text);
        List<String> why = new ArrayList<>(2);
        if (words.stream().anyMatch(word -> word.matcher(folded).find())) {
            why.add("words");
        }
        if (patterns.stream().anyMatch(pattern -> pattern.matcher(folded).find())) {
            why.add("pattern");
        }
        return new Verdict(!why.isEmpty(), why, Verdict.WORDS);
    }
}
