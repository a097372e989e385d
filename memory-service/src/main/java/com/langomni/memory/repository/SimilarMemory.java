package com.langomni.memory.repository;

/** A search candidate: a memory (without its vector) and its cosine similarity to the query vector. */
public record SimilarMemory(StoredMemory memory, double similarity) {
}
