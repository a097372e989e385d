package com.langomni.memory.repository;

import com.langomni.memory.config.MemoryConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Opens the configured store at startup (replaying its log) and closes it on shutdown. The embedded
 * store is the only one for now; a Qdrant store is chosen here later.
 */
public class MemoryStoreProducer {

    @Produces
    @ApplicationScoped
    @Startup
    MemoryStore memoryStore(MemoryConfig config) {
        MemoryConfig.Store s = config.store();
        Path dir = Path.of(config.dataDir()).toAbsolutePath();
        try {
            EmbeddedMemoryStore store = EmbeddedMemoryStore.open(dir, new EmbeddedStoreOptions(s.fsync(),
                    s.compactMinDeadLines(), s.compactDeadRatio(), s.touchFlushInterval()));
            Log.infof("Embedded memory store open in %s", dir);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the memory store in " + dir, e);
        }
    }

    void close(@Disposes MemoryStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
