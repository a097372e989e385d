package com.langomni.memory.repository;

import com.langomni.api.memory.MemoryProvenance;
import com.langomni.api.memory.MemoryVisibility;
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
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Restarts, crashes and the write-ahead log of the embedded store. */
class EmbeddedMemoryStoreDurabilityTest {

    /** No periodic commit: everything after the last explicit commit lives only in the log. */
    private static final EmbeddedStoreOptions NO_AUTO_COMMIT =
            new EmbeddedStoreOptions(true, 16, Duration.ZERO, Long.MAX_VALUE);

    @TempDir
    Path dir;
    private final List<EmbeddedMemoryStore> opened = new ArrayList<>();
    private final Random random = new Random(7);

    @AfterEach
    void closeAll() {
        opened.forEach(EmbeddedMemoryStore::close);
    }

    @Test
    void memoriesSurviveACleanRestart() throws IOException {
        EmbeddedMemoryStore store = open();
        StoredMemory m = memory("npc:smith", "the player gave me a sword", "p1");
        store.write(m);
        long accessed = m.createdAt() + 9_000;
        store.touch("npc:smith", List.of(m.id()), accessed);
        store.close();

        EmbeddedMemoryStore reopened = open();
        assertEquals(1, reopened.count("npc:smith"));
        StoredMemory back = reopened.list("npc:smith", 1).get(0);
        MemoryStoreContract.assertSame(m.accessedAt(accessed), back);
        assertEquals(m.id(), reopened.search("npc:smith", m.vector(), 1).get(0).memory().id());
        assertTrue(logFiles().size() <= 1, "a clean close commits and drops the replayed log segments");
    }

    @Test
    void acknowledgedWritesAndDeletionsSurviveACrashThroughTheLog() throws IOException {
        EmbeddedMemoryStore store = open();
        StoredMemory committed = memory("npc:a", "committed before the crash", null);
        store.write(committed);
        store.commit();
        StoredMemory logged = memory("npc:a", "only in the log", "p9");
        StoredMemory doomed = memory("npc:b", "deleted after writing", "p9");
        store.write(logged);
        store.write(doomed);
        assertEquals(1, store.deleteByOwner("npc:b"));
        store.simulateCrash(); // the index loses everything since the commit

        EmbeddedMemoryStore recovered = open();
        assertEquals(List.of(logged.id(), committed.id()),
                recovered.list("npc:a", 10).stream().map(StoredMemory::id).toList());
        assertEquals(0, recovered.count("npc:b"));
        assertEquals(1, recovered.deleteBySubject("p9"));
        recovered.simulateCrash();

        EmbeddedMemoryStore again = open();
        assertEquals(List.of(committed.id()), again.list("npc:a", 10).stream().map(StoredMemory::id).toList());
    }

    @Test
    void aDeletionByIdSurvivesACrashThroughTheLog() throws IOException {
        EmbeddedMemoryStore store = open();
        StoredMemory kept = memory("npc:c", "kept", null);
        StoredMemory forgotten = memory("npc:c", "forgotten", null);
        store.write(kept);
        store.write(forgotten);
        store.commit();
        assertTrue(store.delete(forgotten.id()));
        store.simulateCrash(); // the committed index still holds it; only the log knows it is gone

        EmbeddedMemoryStore recovered = open();
        assertEquals(List.of(kept.id()), recovered.list("npc:c", 10).stream().map(StoredMemory::id).toList());
        assertTrue(recovered.get(forgotten.id()).isEmpty());
    }

    @Test
    void concurrentWritersAreAllDurable() throws Exception {
        EmbeddedMemoryStore store = open();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String owner = "npc:" + (i % 5);
            futures.add(pool.submit(() -> store.write(memory(owner, "concurrent", null))));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        store.simulateCrash();
        EmbeddedMemoryStore recovered = open();
        assertEquals(200, recovered.size());
        assertEquals(40, recovered.count("npc:3"));
    }

    @Test
    void aTornLastLineAndACorruptLineAreSkipped() throws IOException {
        EmbeddedMemoryStore store = open();
        StoredMemory m = memory("npc:a", "survives", null);
        store.write(m);
        store.simulateCrash();
        Path segment = logFiles().get(logFiles().size() - 1);
        Files.writeString(segment, "{not json}\n{\"seq\":99,\"op\":\"put\",\"id\":\"torn", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        EmbeddedMemoryStore recovered = open();
        assertEquals(List.of(m.id()), recovered.list("npc:a", 10).stream().map(StoredMemory::id).toList());
        StoredMemory after = memory("npc:a", "written after recovery", null);
        recovered.write(after);
        recovered.simulateCrash();
        assertEquals(2, open().count("npc:a"));
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefused() throws IOException {
        open();
        assertThrows(IOException.class, () -> EmbeddedMemoryStore.open(dir, NO_AUTO_COMMIT));
    }

    @Test
    void aClosedStoreRefusesRequests() throws IOException {
        EmbeddedMemoryStore store = open();
        store.close();
        assertThrows(StoreUnavailableException.class, () -> store.count("npc:a"));
        assertThrows(StoreUnavailableException.class, () -> store.write(memory("npc:a", "late", null)));
    }

    @Test
    void aLogLineFromBeforeVisibilityExistedReplaysAsPrivate() throws IOException {
        EmbeddedMemoryStore store = open();
        StoredMemory old = memory("npc:c", "written by an older release", "p1");
        StoredMemory seen = MemoryStoreContract.withVisibility(memory("npc:c", "seen by all", "p1"),
                MemoryVisibility.PUBLIC);
        store.write(old);
        store.write(seen);
        store.simulateCrash(); // both live only in the log now
        Path segment = logFiles().get(logFiles().size() - 1);
        String log = Files.readString(segment, StandardCharsets.UTF_8);
        assertTrue(log.contains("\"visibility\":\"public\""), log);
        // the older release wrote no visibility key at all
        Files.writeString(segment, log.replace(",\"visibility\":\"private\"", ""), StandardCharsets.UTF_8);
        assertFalse(Files.readString(segment).contains("\"private\""));

        EmbeddedMemoryStore recovered = open();
        assertEquals(MemoryVisibility.PRIVATE, recovered.get(old.id()).orElseThrow().visibility());
        assertEquals(MemoryVisibility.PUBLIC, recovered.get(seen.id()).orElseThrow().visibility());
        assertEquals(List.of(seen.id()), recovered.search("npc:c", "p2", old.vector(), 5).stream()
                .map(h -> h.memory().id()).toList(), "another player recalls only the public one");
        assertEquals(2, recovered.search("npc:c", "p1", old.vector(), 5).size());
    }

    @Test
    void provenanceSurvivesACrashThroughTheLogAndOldLinesHaveNone() throws IOException {
        EmbeddedMemoryStore store = open();
        StoredMemory old = memory("npc:d", "written by an older release", "p1");
        MemoryProvenance witnessed = MemoryProvenance.witnessed("ford", 42L, "ev-7", "Ada killed the wolf in the Ford.");
        StoredMemory seen = MemoryStoreContract.withProvenance(memory("npc:d", "Ada killed the wolf here", "p1"),
                MemoryVisibility.PUBLIC, witnessed);
        store.write(old);
        store.write(seen);
        store.simulateCrash();
        String log = Files.readString(logFiles().get(logFiles().size() - 1), StandardCharsets.UTF_8);
        assertTrue(log.contains("\"source\":\"witnessed\""), log);

        EmbeddedMemoryStore recovered = open();
        assertEquals(witnessed, recovered.get(seen.id()).orElseThrow().provenance());
        assertEquals(null, recovered.get(old.id()).orElseThrow().provenance());
        recovered.close();
        assertEquals(witnessed, open().get(seen.id()).orElseThrow().provenance(), "and through the index");
    }

    private EmbeddedMemoryStore open() throws IOException {
        EmbeddedMemoryStore store = EmbeddedMemoryStore.open(dir, NO_AUTO_COMMIT);
        opened.add(store);
        return store;
    }

    private StoredMemory memory(String owner, String text, String subject) {
        return MemoryStoreContract.memory(owner, text, 3, System.nanoTime(), subject, List.of(),
                MemoryStoreContract.randomUnit(random));
    }

    private List<Path> logFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(EmbeddedMemoryStore.WAL_DIR))) {
            return files.sorted().toList();
        }
    }
}
