package com.langomni.memory.repository;

import io.quarkus.logging.Log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * The embedded store's write-ahead log: segments {@code wal-<first seq>.log} of {@link AppendLog} lines, each
 * operation numbered by a global sequence. The index commits now and then with the last sequence it holds;
 * {@link #roll} starts a new segment at such a point and {@link #dropUpTo} deletes the segments a commit
 * made redundant. At start every line newer than the index's commit is replayed.
 */
final class WriteAheadLog implements Closeable {

    private static final String PREFIX = "wal-";
    private static final String SUFFIX = ".log";

    /** Where an operation went: sync it with {@link #sync()} before acknowledging. */
    record Appended(AppendLog segment, long line, long seq) {
        void sync() throws IOException {
            segment.sync(line);
        }
    }

    /** Applies a replayed line (skipping what the index already holds) and returns its sequence number. */
    interface Replayer {
        long apply(String line) throws IOException;
    }

    private final Path dir;
    private final boolean fsync;
    private final Object appendLock = new Object();
    private final List<Long> segmentStarts = new ArrayList<>(); // guarded by appendLock; last = current
    private AppendLog current;
    private long lastSeq;

    private WriteAheadLog(Path dir, boolean fsync) {
        this.dir = dir;
        this.fsync = fsync;
    }

    /**
     * Opens the log in {@code dir}, feeding every line of every segment to {@code replayer} (which skips what
     * the index already holds), then starts a fresh segment after the last sequence seen.
     */
    static WriteAheadLog open(Path dir, boolean fsync, long committedSeq, Replayer replayer) throws IOException {
        Files.createDirectories(dir);
        WriteAheadLog wal = new WriteAheadLog(dir, fsync);
        wal.lastSeq = committedSeq;
        for (long start : existingSegments(dir)) {
            wal.segmentStarts.add(start);
            try (AppendLog segment = new AppendLog(wal.segment(start), false)) {
                segment.replay(line -> {
                    try {
                        wal.lastSeq = Math.max(wal.lastSeq, replayer.apply(line));
                    } catch (IllegalArgumentException e) {
                        Log.warnf("Memory WAL %s: skipping a corrupt line: %s", wal.segment(start), e.getMessage());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
        wal.startSegment(wal.lastSeq + 1);
        return wal;
    }

    /** Appends the line {@code encoder} builds for the next sequence number; not yet durable. */
    Appended append(LongFunction<String> encoder) throws IOException {
        synchronized (appendLock) {
            long seq = lastSeq + 1;
            long line = current.append(encoder.apply(seq));
            lastSeq = seq;
            return new Appended(current, line, seq);
        }
    }

    long lastSeq() {
        synchronized (appendLock) {
            return lastSeq;
        }
    }

    /** Closes the current segment (forced) and starts the next; returns the last sequence of the closed one. */
    long roll() throws IOException {
        synchronized (appendLock) {
            current.close();
            startSegment(lastSeq + 1);
            return lastSeq;
        }
    }

    /** Deletes every segment whose lines all have sequence numbers up to {@code seq} (never the current one). */
    void dropUpTo(long seq) throws IOException {
        List<Long> drop = new ArrayList<>();
        synchronized (appendLock) {
            for (int i = 0; i + 1 < segmentStarts.size(); i++) {
                if (segmentStarts.get(i + 1) - 1 <= seq) {
                    drop.add(segmentStarts.get(i));
                }
            }
            segmentStarts.removeAll(drop);
        }
        for (long start : drop) {
            Files.deleteIfExists(segment(start));
        }
    }

    /** Bytes in all segments (stats, benchmark). */
    long sizeBytes() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            long total = 0;
            for (Path p : files.toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (appendLock) {
            current.close();
        }
    }

    /** Closes without forcing anything, as a crash would (tests). */
    void abandon() throws IOException {
        synchronized (appendLock) {
            current.abandon();
        }
    }

    private void startSegment(long start) throws IOException {
        current = new AppendLog(segment(start), fsync);
        if (segmentStarts.isEmpty() || segmentStarts.get(segmentStarts.size() - 1) != start) {
            segmentStarts.add(start);
        }
    }

    private Path segment(long start) {
        return dir.resolve(String.format("%s%020d%s", PREFIX, start, SUFFIX));
    }

    private static List<Long> existingSegments(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(PREFIX) && n.endsWith(SUFFIX))
                    .map(n -> Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length())))
                    .sorted()
                    .toList();
        }
    }
}
