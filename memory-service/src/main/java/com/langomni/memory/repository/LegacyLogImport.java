package com.langomni.memory.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports the previous release's append log ({@code memories.log}: one JSON operation a line, {@code put},
 * {@code delete-owner}, {@code touch}) into the embedded store at open, so an upgrade keeps every memory.
 * <p>
 * The log is replayed in memory, the surviving memories are written and committed like any other write, and
 * only then is the file renamed to {@code memories.log.imported-<epochMillis>}. A crash before the rename
 * imports again on the next start, which is harmless: the store replaces a memory by id.
 */
final class LegacyLogImport {

    static final String LEGACY_FILE = "memories.log";
    static final String IMPORTED_SUFFIX = ".imported-";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A line of the old log; fields unused by an operation are null. */
    private record Line(String op, String id, String owner, String kind, String text, Integer importance,
                        Long createdAt, Long lastAccessAt, String vector, List<String> ids, Long at) {
    }

    private LegacyLogImport() {
    }

    /** Imports {@code dir}'s legacy log into {@code store} if there is one; returns how many memories it held. */
    static long importInto(Path dir, EmbeddedMemoryStore store) throws IOException {
        Path legacy = dir.resolve(LEGACY_FILE);
        if (!Files.isRegularFile(legacy)) {
            return 0;
        }
        List<StoredMemory> memories = read(legacy);
        store.writeAll(memories);
        Path imported = legacy.resolveSibling(LEGACY_FILE + IMPORTED_SUFFIX + System.currentTimeMillis());
        Files.move(legacy, imported, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir); // a lost rename would re-import over later deletions
        Log.infof("Imported %d memories from the previous release's log %s (now %s)", memories.size(), legacy,
                imported.getFileName());
        return memories.size();
    }

    /**
     * Replays the old log: the memories it still holds, in first-written order. A last line that is torn (no
     * newline) or unparseable was never acknowledged and is skipped. A bad line before it is skipped with a
     * warning too, as the old store itself did at every start: the import keeps exactly what that release served,
     * and an upgrade never refuses to start over a line the old release had already set aside.
     */
    static List<StoredMemory> read(Path file) throws IOException {
        Map<String, Map<String, StoredMemory>> byOwner = new LinkedHashMap<>();
        boolean endsWithNewline = endsWithNewline(file);
        // a lenient decoder: a torn tail may end inside a multi-byte character
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            String line = reader.readLine();
            for (long number = 1; line != null; number++) {
                String next = reader.readLine();
                boolean last = next == null;
                if (last && !endsWithNewline) {
                    Log.warnf("Legacy memory log %s: skipping a torn last line (%d chars)", file, line.length());
                    break;
                }
                try {
                    apply(parse(line), byOwner);
                } catch (IllegalArgumentException e) {
                    Log.warnf("Legacy memory log %s: skipping unreadable line %d%s: %s", file, number,
                            last ? " (the last)" : "", e.getMessage());
                }
                line = next;
            }
        }
        List<StoredMemory> out = new ArrayList<>();
        byOwner.values().forEach(memories -> out.addAll(memories.values()));
        return out;
    }

    /** Applies a parsed line; throws {@link IllegalArgumentException} (before any change) for a bad vector. */
    private static void apply(Line line, Map<String, Map<String, StoredMemory>> byOwner) {
        switch (line.op()) {
            case "put" -> {
                StoredMemory m = new StoredMemory(line.id(), line.owner(), line.kind(), line.text(),
                        line.importance(), line.createdAt(), line.lastAccessAt(), null, List.of(),
                        WalCodec.decode(line.vector()));
                byOwner.computeIfAbsent(m.ownerId(), o -> new LinkedHashMap<>()).put(m.id(), m);
            }
            case "delete-owner" -> byOwner.remove(line.owner());
            case "touch" -> {
                Map<String, StoredMemory> memories = byOwner.get(line.owner());
                for (String id : memories == null ? List.<String>of() : line.ids()) {
                    memories.computeIfPresent(id, (k, m) -> m.accessedAt(line.at()));
                }
            }
            default -> throw new IllegalStateException("unreachable: " + line.op());
        }
    }

    /** Parses a line; throws {@link IllegalArgumentException} for anything that is not a complete operation. */
    private static Line parse(String text) {
        Line line;
        try {
            line = JSON.readValue(text, Line.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unparseable line: " + e.getOriginalMessage(), e);
        }
        if (line == null || line.op() == null || line.owner() == null) {
            throw new IllegalArgumentException("line without op or owner");
        }
        boolean complete = switch (line.op()) {
            case "put" -> line.id() != null && line.kind() != null && line.text() != null && line.vector() != null
                    && line.importance() != null && line.createdAt() != null && line.lastAccessAt() != null;
            case "touch" -> line.ids() != null && line.at() != null;
            case "delete-owner" -> true;
            default -> throw new IllegalArgumentException("unknown op " + line.op());
        };
        if (!complete) {
            throw new IllegalArgumentException("incomplete " + line.op() + " line");
        }
        return line;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, ch.size() - 1);
            return last.get(0) == '\n';
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some filesystems cannot fsync a directory; the rename itself is still atomic.
            Log.debugf("cannot fsync directory %s: %s", dir, e.getMessage());
        }
    }
}
