package com.langomni.memory.repository;

/** Size of a store: memories and distinct owners. */
public record StoreStats(long memories, long owners) {
}
