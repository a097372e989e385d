package com.langomni.memory.repository;

/** A search candidate: a memory and its cosine similarity to the query vector. */
public record SimilarMemory(StoredMemory memory, double similarity) {
}
