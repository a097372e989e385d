package com.langomni.memory.repository;

import com.langomni.memory.domain.Vectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedMemoryStoreTest {

    private static final EmbeddedStoreOptions NO_COMPACTION =
            new EmbeddedStoreOptions(true, Long.MAX_VALUE, 1.0, Duration.ZERO);
    private static final EmbeddedStoreOptions EAGER_COMPACTION =
            new EmbeddedStoreOptions(true, 1, 0.1, Duration.ZERO);

    @TempDir
    Path dir;

    private final Random random = new Random(42);
    private final List<EmbeddedMemoryStore> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(EmbeddedMemoryStore::close);
    }

    @Test
    void writesSurviveReopeningOnTheSameDirectory() throws IOException {
        EmbeddedMemoryStore store = open(NO_COMPACTION);
        List<StoredMemory> written = List.of(
                memory("m1", "npc:smith", "the player gave me a sword", 5, 1_000),
                memory("m2", "npc:smith", "a \"quoted\" line\nwith a newline and ünïcödé", 3, 2_000),
                memory("m3", "player:7", "I met the smith", 2, 3_000));
        written.forEach(store::write);
        store.close();

        EmbeddedMemoryStore reopened = open(NO_COMPACTION);
        assertEquals(new StoreStats(3, 2), reopened.stats());
        assertSameMemories(List.of(written.get(1), written.get(0)), reopened.list("npc:smith", 10));
        assertSameMemories(List.of(written.get(2)), reopened.list("player:7", 10));
    }

    @Test
    void deleteByOwnerSurvivesReopening() throws IOException {
        EmbeddedMemoryStore store = open(NO_COMPACTION);
        store.write(memory("a1", "npc:a", "one", 1, 1));
        store.write(memory("a2", "npc:a", "two", 1, 2));
        store.write(memory("b1", "npc:b", "three", 1, 3));
        assertEquals(2, store.deleteByOwner("npc:a"));
        assertEquals(0, store.deleteByOwner("npc:a"), "a second delete finds nothing");
        assertEquals(0, store.count("npc:a"));
        store.close();

        EmbeddedMemoryStore reopened = open(NO_COMPACTION);
        assertEquals(0, reopened.count("npc:a"));
        assertEquals(1, reopened.count("npc:b"));
        assertEquals(new StoreStats(1, 1), reopened.stats());
    }

    @Test
    void aTornLastLineIsSkippedAndTheLogStaysUsable() throws IOException {
        EmbeddedMemoryStore store = open(NO_COMPACTION);
        store.write(memory("m1", "npc:a", "one", 1, 1));
        store.write(memory("m2", "npc:a", "two", 1, 2));
        store.close();
        Path log = dir.resolve(EmbeddedMemoryStore.LOG_FILE);
        String full = new LogCodec().put(memory("m3", "npc:a", "three", 1, 3));
        Files.writeString(log, full.substring(0, full.length() / 2), StandardOpenOption.APPEND); // crash mid-write

        EmbeddedMemoryStore afterCrash = open(NO_COMPACTION);
        assertEquals(2, afterCrash.count("npc:a"));
        afterCrash.write(memory("m4", "npc:a", "four", 1, 4));
        afterCrash.close();

        EmbeddedMemoryStore again = open(NO_COMPACTION);
        assertEquals(List.of("m4", "m2", "m1"), ids(again.list("npc:a", 10)));
    }

    @Test
    void aCorruptCompleteLineIsSkipped() throws IOException {
        EmbeddedMemoryStore store = open(NO_COMPACTION);
        store.write(memory("m1", "npc:a", "one", 1, 1));
        store.close();
        Files.writeString(dir.resolve(EmbeddedMemoryStore.LOG_FILE), "{\"op\":\"put\",\"owner\":\"npc:a\"}\n\u0000\u0000\n",
                StandardOpenOption.APPEND);

        EmbeddedMemoryStore reopened = open(NO_COMPACTION);
        assertEquals(List.of("m1"), ids(reopened.list("npc:a", 10)));
    }

    @Test
    void compactionDropsDeadLinesAndKeepsLiveRecords() throws IOException {
        EmbeddedMemoryStore store = open(EAGER_COMPACTION);
        for (int i = 0; i < 10; i++) {
            store.write(memory("dead" + i, "npc:gone", "gone " + i, 4, i));
        }
        List<StoredMemory> live = List.of(memory("live1", "npc:kept", "kept one", 7, 100),
                memory("live2", "player:1", "kept two", 2, 200));
        live.forEach(store::write);
        store.deleteByOwner("npc:gone");
        store.touch("npc:kept", List.of("live1"), 5_000);
        store.flushTouches();
        store.close();
        Path log = dir.resolve(EmbeddedMemoryStore.LOG_FILE);
        assertEquals(14, Files.readAllLines(log).size());

        EmbeddedMemoryStore compacted = open(EAGER_COMPACTION);
        assertEquals(2, Files.readAllLines(log).size(), "only the live puts remain");
        assertEquals(new StoreStats(2, 2), compacted.stats());
        StoredMemory kept = compacted.list("npc:kept", 1).get(0);
        assertEquals(5_000, kept.lastAccessAt(), "the compacted record carries the latest access");
        assertArrayEquals(live.get(0).vector(), kept.vector());
        compacted.write(memory("live3", "npc:kept", "after compaction", 1, 300));
        compacted.close();

        EmbeddedMemoryStore reopened = open(EAGER_COMPACTION);
        assertEquals(List.of("live3", "live1"), ids(reopened.list("npc:kept", 10)));
        assertEquals(1, reopened.count("player:1"));
    }

    @Test
    void compactionWaitsForEnoughDeadLines() throws IOException {
        EmbeddedStoreOptions options = new EmbeddedStoreOptions(true, 100, 0.1, Duration.ZERO);
        EmbeddedMemoryStore store = open(options);
        store.write(memory("a", "npc:a", "one", 1, 1));
        store.write(memory("b", "npc:b", "two", 1, 2));
        store.deleteByOwner("npc:a");
        store.close();
        open(options);
        assertEquals(3, Files.readAllLines(dir.resolve(EmbeddedMemoryStore.LOG_FILE)).size());
    }

    @Test
    void lastAccessUpdatesArePersistedWhenFlushed() throws IOException {
        EmbeddedMemoryStore store = open(NO_COMPACTION);
        store.write(memory("m1", "npc:a", "one", 1, 1_000));
        store.write(memory("m2", "npc:a", "two", 1, 1_000));
        store.touch("npc:a", List.of("m1", "unknown"), 9_000);
        assertEquals(9_000, store.list("npc:a", 10).stream().filter(m -> m.id().equals("m1")).findFirst()
                .orElseThrow().lastAccessAt(), "visible at once in memory");
        store.flushTouches();
        store.touch("npc:a", List.of("m2"), 8_000);
        store.close(); // close flushes the rest

        EmbeddedMemoryStore reopened = open(NO_COMPACTION);
        List<StoredMemory> memories = reopened.list("npc:a", 10);
        assertEquals(9_000, memories.stream().filter(m -> m.id().equals("m1")).findFirst().orElseThrow().lastAccessAt());
        assertEquals(8_000, memories.stream().filter(m -> m.id().equals("m2")).findFirst().orElseThrow().lastAccessAt());
    }

    @Test
    void searchRanksOnlyTheOwnersMemoriesByCosine() throws IOException {
        EmbeddedMemoryStore store = open(NO_COMPACTION);
        float[] query = Vectors.normalize(new float[] {1, 0, 0, 0});
        store.write(withVector("close", "npc:a", new float[] {0.9f, 0.1f, 0, 0}));
        store.write(withVector("far", "npc:a", new float[] {0, 0, 1, 0}));
        store.write(withVector("middle", "npc:a", new float[] {0.5f, 0.5f, 0, 0}));
        store.write(withVector("exact-other-owner", "npc:b", new float[] {1, 0, 0, 0}));

        List<SimilarMemory> hits = store.search("npc:a", query, 2);
        assertEquals(List.of("close", "middle"), hits.stream().map(h -> h.memory().id()).toList());
        assertEquals(Vectors.cosine(new float[] {0.9f, 0.1f, 0, 0}, query), hits.get(0).similarity(), 1e-6);
        assertEquals(3, store.search("npc:a", query, 10).size());
        assertEquals(List.of(), store.search("npc:nobody", query, 5));
    }

    @Test
    void concurrentWritesAreAllDurable() throws Exception {
        EmbeddedMemoryStore store = open(NO_COMPACTION);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        store.write(memory("t" + thread + "-" + i, "npc:t" + (thread % 3), "text " + i, 3, i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        store.close();
        EmbeddedMemoryStore reopened = open(NO_COMPACTION);
        assertEquals(new StoreStats(320, 3), reopened.stats());
    }

    @Test
    void aDirectoryIsOpenedByOneStoreAtATime() throws IOException {
        EmbeddedMemoryStore store = open(NO_COMPACTION);
        assertThrows(IOException.class, () -> EmbeddedMemoryStore.open(dir, NO_COMPACTION));
        store.close();
        assertFalse(store.isOpen());
        assertThrows(StoreUnavailableException.class, () -> store.write(memory("x", "npc:a", "x", 1, 1)));
        assertTrue(open(NO_COMPACTION).isOpen(), "the lock is released on close");
    }

    @Test
    void theLogIsReadableJsonLines() throws IOException {
        EmbeddedMemoryStore store = open(NO_COMPACTION);
        store.write(memory("m1", "npc:a", "one", 1, 1));
        store.close();
        String line = Files.readAllLines(dir.resolve(EmbeddedMemoryStore.LOG_FILE), StandardCharsets.UTF_8).get(0);
        assertTrue(line.startsWith("{\"op\":\"put\",\"id\":\"m1\",\"owner\":\"npc:a\""), line);
    }

    private EmbeddedMemoryStore open(EmbeddedStoreOptions options) throws IOException {
        EmbeddedMemoryStore store = EmbeddedMemoryStore.open(dir, options);
        opened.add(store);
        return store;
    }

    private StoredMemory memory(String id, String owner, String text, int importance, long createdAt) {
        float[] v = new float[16];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return new StoredMemory(id, owner, "observation", text, importance, createdAt, createdAt, Vectors.normalize(v));
    }

    private static StoredMemory withVector(String id, String owner, float[] vector) {
        return new StoredMemory(id, owner, "observation", id, 5, 1, 1, Vectors.normalize(vector));
    }

    private static List<String> ids(List<StoredMemory> memories) {
        return memories.stream().map(StoredMemory::id).toList();
    }

    private static void assertSameMemories(List<StoredMemory> expected, List<StoredMemory> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            StoredMemory e = expected.get(i);
            StoredMemory a = actual.get(i);
            assertEquals(List.of(e.id(), e.ownerId(), e.kind(), e.text(), e.importance(), e.createdAt(), e.lastAccessAt()),
                    List.of(a.id(), a.ownerId(), a.kind(), a.text(), a.importance(), a.createdAt(), a.lastAccessAt()));
            assertArrayEquals(e.vector(), a.vector());
        }
    }
}
