package com.langomni.memory.repository;

import java.time.Duration;

/**
 * Tuning of the embedded store.
 *
 * @param fsync               fsync before acknowledging a write or delete (off only for throwaway data)
 * @param compactMinDeadLines compact at startup only when at least this many log lines are dead
 * @param compactDeadRatio    ... and they are at least this fraction of all lines
 * @param touchFlushInterval  how often batched last-access updates are appended; zero: only on close
 *                            or {@link EmbeddedMemoryStore#flushTouches()}
 */
public record EmbeddedStoreOptions(boolean fsync, long compactMinDeadLines, double compactDeadRatio,
                                   Duration touchFlushInterval) {
}
