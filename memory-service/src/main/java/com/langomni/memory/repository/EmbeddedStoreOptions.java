package com.langomni.memory.repository;

import java.time.Duration;

/**
 * Tuning of the embedded store.
 *
 * @param fsync          fsync the write-ahead log before acknowledging a write (group commit); off only for
 *                       throwaway data
 * @param ramBufferMb    Lucene's indexing buffer: a segment (and its HNSW graph) is flushed when it fills
 * @param commitInterval how often the index commits (bounding the log replayed at start); zero: only on close
 *                       and every {@code commitEveryOps}
 * @param commitEveryOps commit after this many logged operations, whatever the interval
 */
public record EmbeddedStoreOptions(boolean fsync, double ramBufferMb, Duration commitInterval, long commitEveryOps) {

    public static final EmbeddedStoreOptions DEFAULT = new EmbeddedStoreOptions(true, 32, Duration.ofSeconds(30),
            50_000);
}
