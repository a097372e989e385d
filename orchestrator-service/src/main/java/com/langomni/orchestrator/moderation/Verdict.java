package com.langomni.orchestrator.moderation;

import java.util.List;

/**
 * What a check said of one text.
 *
 * @param categories why it was flagged: the endpoint's categories, or {@code words}/{@code pattern} for the list
 * @param checker    who decided: {@code words}, {@code endpoint}, or {@code words-fallback} (the endpoint was down)
 */
public record Verdict(boolean flagged, List<String> categories, String checker) {

    public static final String WORDS = "words";
    public static final String ENDPOINT = "endpoint";
    public static final String FALLBACK = "words-fallback";

    public static final Verdict CLEAR = new Verdict(false, List.of(), "off");

    public Verdict {
        categories = List.copyOf(categories);
    }

    /** The same verdict, as decided by {@code by}. */
    public Verdict by(String by) {
        return new Verdict(flagged, categories, by);
    }
}
