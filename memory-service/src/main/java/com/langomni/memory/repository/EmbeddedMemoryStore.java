package com.langomni.memory.repository;

import io.quarkus.logging.Log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default store: an append-only log on local disk, replayed at startup into a per-owner in-memory
 * index. Writes and deletes are fsync'd (group commit) before they return; last-access updates are
 * batched and appended every {@code touchFlushInterval}. A log with many dead lines (deleted owners,
 * superseded touches, corrupt lines) is rewritten at startup.
 */
public final class EmbeddedMemoryStore implements MemoryStore, AutoCloseable {

    public static final String LOG_FILE = "memories.log";
    private static final String LOCK_FILE = "memories.lock";

    private final EmbeddedStoreOptions options;
    private final LogCodec codec = new LogCodec();
    private final MemoryIndex index = new MemoryIndex();
    private final ReentrantLock mutation = new ReentrantLock();
    private final Object pendingLock = new Object();
    private Map<String, Map<String, Long>> pendingTouches = new HashMap<>(); // owner -> id -> access time
    private final AppendLog log;
    private final FileChannel lockChannel;
    private final FileLock dirLock;
    private final ScheduledExecutorService flusher;
    private volatile boolean open;

    private EmbeddedMemoryStore(Path dir, EmbeddedStoreOptions options) throws IOException {
        this.options = options;
        Files.createDirectories(dir);
        lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        dirLock = lockDirectory(dir);
        AppendLog opened = null;
        try {
            opened = new AppendLog(dir.resolve(LOG_FILE), options.fsync());
            log = opened;
            load();
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            dirLock.release();
            lockChannel.close();
            throw e;
        }
        flusher = startFlusher(options);
        open = true;
    }

    private FileLock lockDirectory(Path dir) throws IOException {
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another store in this JVM
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("memory data dir " + dir + " is in use by another store");
        }
        return lock;
    }

    /** Opens (creating if needed) the store in {@code dir}, replaying and possibly compacting its log. */
    public static EmbeddedMemoryStore open(Path dir, EmbeddedStoreOptions options) throws IOException {
        return new EmbeddedMemoryStore(dir, options);
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public void write(StoredMemory memory) {
        String line = codec.put(memory);
        durably(() -> {
            long seq = log.append(line);
            index.put(memory);
            return seq;
        });
    }

    @Override
    public List<SimilarMemory> search(String ownerId, float[] vector, int k) {
        ensureOpen();
        return index.search(ownerId, vector, k);
    }

    @Override
    public List<StoredMemory> list(String ownerId, int limit) {
        ensureOpen();
        return index.newest(ownerId, limit);
    }

    @Override
    public long count(String ownerId) {
        ensureOpen();
        return index.count(ownerId);
    }

    @Override
    public long deleteByOwner(String ownerId) {
        long[] deleted = new long[1];
        durably(() -> {
            deleted[0] = index.count(ownerId);
            if (deleted[0] == 0) {
                return 0L; // nothing to delete: no tombstone, nothing to sync
            }
            long seq = log.append(codec.deleteOwner(ownerId));
            index.removeOwner(ownerId);
            synchronized (pendingLock) {
                pendingTouches.remove(ownerId);
            }
            return seq;
        });
        return deleted[0];
    }

    @Override
    public void touch(String ownerId, Collection<String> ids, long at) {
        List<String> found = index.touch(ownerId, ids, at);
        if (found.isEmpty()) {
            return;
        }
        synchronized (pendingLock) {
            Map<String, Long> owner = pendingTouches.computeIfAbsent(ownerId, o -> new HashMap<>());
            found.forEach(id -> owner.merge(id, at, Math::max));
        }
    }

    /** Appends and syncs the batched last-access updates. */
    public void flushTouches() {
        Map<String, Map<String, Long>> batch;
        synchronized (pendingLock) {
            if (pendingTouches.isEmpty()) {
                return;
            }
            batch = pendingTouches;
            pendingTouches = new HashMap<>();
        }
        durably(() -> {
            long seq = 0;
            for (Map.Entry<String, Map<String, Long>> owner : batch.entrySet()) {
                Map<Long, List<String>> byTime = new HashMap<>();
                owner.getValue().forEach((id, at) -> byTime.computeIfAbsent(at, t -> new ArrayList<>()).add(id));
                for (Map.Entry<Long, List<String>> group : byTime.entrySet()) {
                    seq = log.append(codec.touch(owner.getKey(), group.getValue(), group.getKey()));
                }
            }
            return seq;
        });
    }

    @Override
    public StoreStats stats() {
        return new StoreStats(index.size(), index.ownerCount());
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            flushTouches();
        } catch (RuntimeException e) {
            Log.warnf("Memory log: last-access updates not saved on close: %s", e.getMessage());
        }
        open = false;
        try {
            log.close();
            dirLock.release();
            lockChannel.close();
        } catch (IOException e) {
            Log.warnf("Memory log: close failed: %s", e.getMessage());
        }
    }

    private interface LogMutation {
        long apply() throws IOException;
    }

    /**
     * Runs a log append plus index change under the mutation lock (so replay order matches memory order),
     * then waits for the fsync outside it, where concurrent writers share one. An I/O failure closes the
     * store: readiness goes down rather than serving an index the log no longer matches.
     */
    private void durably(LogMutation mutationStep) {
        ensureOpen();
        try {
            long seq;
            mutation.lock();
            try {
                seq = mutationStep.apply();
            } finally {
                mutation.unlock();
            }
            if (seq > 0) {
                log.sync(seq);
            }
        } catch (IOException e) {
            open = false;
            Log.errorf(e, "Memory log %s failed; the store is closed", log.file());
            throw new UncheckedIOException(e);
        }
    }

    private void ensureOpen() {
        if (!open) {
            throw new StoreUnavailableException("the memory store is not open");
        }
    }

    private void load() throws IOException {
        long started = System.nanoTime();
        long[] dead = new long[1];
        long[] corrupt = new long[1];
        long lines = log.replay(text -> {
            try {
                apply(codec.parse(text), dead);
            } catch (IllegalArgumentException e) {
                corrupt[0]++;
                dead[0]++;
                Log.warnf("Memory log %s: skipping a corrupt line: %s", log.file(), e.getMessage());
            }
        });
        Log.infof("Memory log %s: %d memories of %d owners from %d lines (%d dead, %d corrupt) in %d ms",
                log.file(), index.size(), index.ownerCount(), lines, dead[0], corrupt[0],
                (System.nanoTime() - started) / 1_000_000);
        if (dead[0] >= options.compactMinDeadLines() && dead[0] >= options.compactDeadRatio() * lines) {
            compact(lines);
        }
    }

    private void apply(LogCodec.Line line, long[] dead) {
        switch (line.op()) {
            case LogCodec.PUT -> {
                long before = index.size();
                index.put(codec.memory(line));
                if (index.size() == before) {
                    dead[0]++; // the same id written again: the older line is superseded
                }
            }
            case LogCodec.DELETE_OWNER -> dead[0] += index.removeOwner(line.owner()) + 1;
            case LogCodec.TOUCH -> {
                index.touch(line.owner(), line.ids(), line.at());
                dead[0]++;
            }
            default -> throw new IllegalArgumentException("unknown op " + line.op());
        }
    }

    private void compact(long lines) throws IOException {
        long started = System.nanoTime();
        List<StoredMemory> live = index.all();
        log.rewrite(live.stream().map(codec::put)::iterator);
        Log.infof("Memory log %s compacted: %d lines -> %d in %d ms", log.file(), lines, live.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private ScheduledExecutorService startFlusher(EmbeddedStoreOptions options) {
        long millis = options.touchFlushInterval().toMillis();
        if (millis <= 0) {
            return null;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "memory-touch-flusher");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                flushTouches();
            } catch (RuntimeException e) {
                Log.warnf("Memory log: last-access flush failed: %s", e.getMessage());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return executor;
    }
}
