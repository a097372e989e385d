package com.langomni.api.memory;

/** One ranked candidate: its index in the request, its text and its cosine similarity to the query. */
public record RankedText(int index, String text, double score) {
}
