package com.langomni.api.memory;

/** A search result: the memory, its combined score and the relevance (cosine) part of it. */
public record MemoryHit(MemoryRecord memory, double score, double relevance) {
}
