package com.langomni.memory.repository;

import com.langomni.memory.domain.Vectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Upgrading from the previous release's {@code memories.log} to the embedded Lucene store. */
class LegacyLogImportTest {

    private static final EmbeddedStoreOptions NO_AUTO_COMMIT =
            new EmbeddedStoreOptions(true, 16, Duration.ZERO, Long.MAX_VALUE);
    private static final String SMITH = "npc:smith";
    private static final String GUARD = "npc:guard";

    @TempDir
    Path dir;
    private final Random random = new Random(7);
    private final List<EmbeddedMemoryStore> opened = new ArrayList<>();
    private final float[] sword = unit();
    private final float[] shield = unit();
    private final float[] patrol = unit();
    private final float[] gate = unit();

    @AfterEach
    void closeAll() {
        opened.forEach(EmbeddedMemoryStore::close);
    }

    @Test
    void importsExactlyTheSurvivingMemoriesWithTheirFieldsAndVectors() throws IOException {
        writeLegacy(history(), true);

        EmbeddedMemoryStore store = open();

        assertEquals(2, store.count(SMITH));
        assertEquals(1, store.count(GUARD));
        assertEquals(3, store.size());
        List<StoredMemory> smith = store.list(SMITH, 10);
        MemoryStoreContract.assertSame(new StoredMemory("s2", SMITH, "conversation", "he asked about a shield", 7,
                2_000, 9_000, null, List.of(), null), smith.get(0));
        MemoryStoreContract.assertSame(new StoredMemory("s1", SMITH, "observation", "sold a sword, then regretted it",
                4, 1_000, 1_000, null, List.of(), null), smith.get(1));
        MemoryStoreContract.assertSame(new StoredMemory("g2", GUARD, "reflection", "the gate is never watched", 9,
                5_000, 5_000, null, List.of(), null), store.list(GUARD, 10).get(0));
        assertNearest(store, SMITH, sword, "s1");
        assertNearest(store, SMITH, shield, "s2");
        assertNearest(store, GUARD, gate, "g2");
        assertFalse(Files.exists(dir.resolve(LegacyLogImport.LEGACY_FILE)));
        assertEquals(1, importedFiles().size(), "the legacy log is renamed, not deleted");
    }

    @Test
    void reopeningDoesNotImportAgain() throws IOException {
        writeLegacy(history(), true);
        EmbeddedMemoryStore store = open();
        assertEquals(2, store.deleteByOwner(SMITH));
        store.close();

        EmbeddedMemoryStore reopened = open();

        assertEquals(0, reopened.count(SMITH), "a second import would bring the deleted memories back");
        assertEquals(1, reopened.count(GUARD));
        assertEquals(1, importedFiles().size());
    }

    @Test
    void aTornOrUnreadableLastLineIsSkipped() throws IOException {
        String torn = put("s3", SMITH, "observation", "never acknowledged", 1, 3_000, 3_000, unit());
        List<String> lines = new ArrayList<>(history());
        lines.add(torn.substring(0, torn.length() / 2));
        writeLegacy(lines, false);

        assertEquals(2, open().count(SMITH));

        opened.remove(0).close();
        Files.writeString(dir.resolve(LegacyLogImport.LEGACY_FILE), String.join("\n",
                put("s4", SMITH, "observation", "imported", 1, 4_000, 4_000, unit()), "{\"op\":\"put\",\"own") + "\n");
        EmbeddedMemoryStore again = open();
        assertEquals(List.of("s4", "s2", "s1"), again.list(SMITH, 10).stream().map(StoredMemory::id).toList());
    }

    @Test
    void aBadLineBeforeTheLastIsSkippedLikeTheOldStoreDid() throws IOException {
        List<String> lines = new ArrayList<>(history());
        lines.add(2, "{\"op\":\"put\",\"id\":\"x\",\"owner\":\"npc:x\"}");
        writeLegacy(lines, true);

        assertImportedOnce(open());
        assertEquals(1, importedFiles().size());
    }

    @Test
    void anImportCutShortByACrashIsRedoneWithEachMemoryOnce() throws IOException {
        EmbeddedMemoryStore store = open();
        writeLegacy(history(), true);
        List<StoredMemory> legacy = LegacyLogImport.read(dir.resolve(LegacyLogImport.LEGACY_FILE));
        store.write(legacy.get(0)); // the import's first write reached the log, not an index commit
        crash(store);

        assertImportedOnce(open());
    }

    @Test
    void aCrashAfterTheImportButBeforeTheRenameImportsOnceMore() throws IOException {
        EmbeddedMemoryStore store = open();
        writeLegacy(history(), true);
        store.writeAll(LegacyLogImport.read(dir.resolve(LegacyLogImport.LEGACY_FILE))); // durable, not renamed
        crash(store);

        assertImportedOnce(open());
    }

    private void crash(EmbeddedMemoryStore store) throws IOException {
        store.simulateCrash();
        opened.remove(store);
    }

    private void assertImportedOnce(EmbeddedMemoryStore store) throws IOException {
        assertEquals(3, store.size());
        assertEquals(3, store.stats().memories());
        assertEquals(List.of("s2", "s1"), store.list(SMITH, 10).stream().map(StoredMemory::id).toList());
        assertEquals(List.of("g2"), store.list(GUARD, 10).stream().map(StoredMemory::id).toList());
        assertEquals(9_000, store.list(SMITH, 1).get(0).lastAccessAt());
        assertNearest(store, SMITH, sword, "s1");
        assertFalse(Files.exists(dir.resolve(LegacyLogImport.LEGACY_FILE)));
        assertEquals(1, importedFiles().size());
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * s1 replaced by a later put, s2 touched twice (the later time wins), the guard's first memories erased by a
     * delete-owner and a later one kept; a touch of an erased memory changes nothing.
     */
    private List<String> history() {
        return List.of(
                put("s1", SMITH, "observation", "sold a sword", 3, 1_000, 1_000, unit()),
                put("g1", GUARD, "observation", "a stranger at the gate", 5, 1_500, 1_500, patrol),
                put("s2", SMITH, "conversation", "he asked about a shield", 7, 2_000, 2_000, shield),
                "{\"op\":\"touch\",\"owner\":\"npc:smith\",\"ids\":[\"s2\",\"gone\"],\"at\":9000}",
                "{\"op\":\"touch\",\"owner\":\"npc:smith\",\"ids\":[\"s2\"],\"at\":8000}",
                "{\"op\":\"delete-owner\",\"owner\":\"npc:guard\"}",
                "{\"op\":\"touch\",\"owner\":\"npc:guard\",\"ids\":[\"g1\"],\"at\":9500}",
                put("s1", SMITH, "observation", "sold a sword, then regretted it", 4, 1_000, 1_000, sword),
                put("g2", GUARD, "reflection", "the gate is never watched", 9, 5_000, 5_000, gate));
    }

    /** A put line exactly as the previous release's LogCodec wrote it. */
    private static String put(String id, String owner, String kind, String text, int importance, long createdAt,
                              long lastAccessAt, float[] vector) {
        return String.format("{\"op\":\"put\",\"id\":\"%s\",\"owner\":\"%s\",\"kind\":\"%s\",\"text\":\"%s\","
                        + "\"importance\":%d,\"createdAt\":%d,\"lastAccessAt\":%d,\"vector\":\"%s\"}",
                id, owner, kind, text, importance, createdAt, lastAccessAt, WalCodec.encode(vector));
    }

    private void writeLegacy(List<String> lines, boolean lastNewline) throws IOException {
        Files.writeString(dir.resolve(LegacyLogImport.LEGACY_FILE),
                String.join("\n", lines) + (lastNewline ? "\n" : ""), StandardCharsets.UTF_8);
    }

    private List<Path> importedFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString()
                    .matches("memories\\.log\\" + LegacyLogImport.IMPORTED_SUFFIX + "\\d+")).toList();
        }
    }

    private static void assertNearest(MemoryStore store, String owner, float[] vector, String id) {
        SimilarMemory best = store.search(owner, vector, 1).get(0);
        assertEquals(id, best.memory().id());
        assertEquals(1.0, best.similarity(), 1e-5, "the vector is imported as it was, not re-embedded");
    }

    private EmbeddedMemoryStore open() throws IOException {
        EmbeddedMemoryStore store = EmbeddedMemoryStore.open(dir, NO_AUTO_COMMIT);
        opened.add(store);
        return store;
    }

    private float[] unit() {
        float[] v = new float[MemoryStoreContract.DIM];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalize(v);
    }
}
