package com.langomni.memory.repository;

import io.quarkus.logging.Log;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * An append-only file of text lines with group commit: {@link #append} writes a line and returns its
 * number in this file; {@link #sync} makes every line up to that number durable with one fsync shared by all
 * writers that waited for it. {@link #replay} runs before the file is shared.
 */
final class AppendLog implements Closeable {

    private final Path file;
    private final boolean fsync;
    private final Object appendLock = new Object();
    private final Object syncLock = new Object();
    private FileChannel channel;
    private volatile long appended;
    private long synced; // guarded by syncLock

    AppendLog(Path file, boolean fsync) throws IOException {
        this.file = file;
        this.fsync = fsync;
        boolean created = !Files.exists(file);
        this.channel = openForAppend();
        if (created) {
            syncDirectory();
        }
    }

    Path file() {
        return file;
    }

    /**
     * Feeds every complete line to {@code visitor}. A last line without its newline is a write torn by a
     * crash (never acknowledged, since acknowledgement follows the fsync of the whole line): it is cut off
     * with a warning so the next append starts on a fresh line. Returns the number of complete lines.
     */
    long replay(Consumer<String> visitor) throws IOException {
        cutTornTail();
        long lines = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                visitor.accept(line);
            }
        }
        return lines;
    }

    long append(String line) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        synchronized (appendLock) {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            return ++appended;
        }
    }

    /** Returns once line {@code seq} and every line before it are on disk. */
    void sync(long seq) throws IOException {
        if (!fsync) {
            return;
        }
        synchronized (syncLock) {
            if (synced >= seq) {
                return; // another writer's fsync covered this line
            }
            long covered = appended; // lines up to here are fully written, so this force covers them
            channel.force(false);
            synced = covered;
        }
    }

    long sizeBytes() throws IOException {
        return channel.size();
    }

    /**
     * Forces and closes the file. A writer that appended here and calls {@link #sync} afterwards returns at
     * once: the force covered its line.
     */
    @Override
    public void close() throws IOException {
        synchronized (syncLock) {
            synchronized (appendLock) {
                if (channel.isOpen()) {
                    if (fsync) {
                        channel.force(true);
                    }
                    channel.close();
                }
                synced = appended;
            }
        }
    }

    /** Closes without forcing, as a crash would leave the file (tests). */
    void abandon() throws IOException {
        synchronized (appendLock) {
            channel.close();
        }
    }

    private FileChannel openForAppend() throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private void cutTornTail() throws IOException {
        try (FileChannel rw = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = rw.size();
            long end = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                rw.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < size) {
                Log.warnf("Memory log %s: skipping a torn last line (%d bytes) left by an interrupted write",
                        file, size - end);
                rw.truncate(end);
                rw.force(true);
            }
        }
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some filesystems cannot fsync a directory; the rename itself is still atomic.
            Log.debugf("cannot fsync directory %s: %s", file.getParent(), e.getMessage());
        }
    }
}
