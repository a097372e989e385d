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

/** Opens the configured store at startup (langomni.memory.store = embedded | qdrant) and closes it on shutdown. */
public class MemoryStoreProducer {

    @Produces
    @ApplicationScoped
    @Startup
    MemoryStore memoryStore(MemoryConfig config) {
        return switch (config.store()) {
            case "embedded" -> embedded(config);
            case "qdrant" -> qdrant(config);
            default -> throw new IllegalArgumentException(
                    "langomni.memory.store must be embedded or qdrant, got " + config.store());
        };
    }

    private static MemoryStore embedded(MemoryConfig config) {
        MemoryConfig.Embedded e = config.embedded();
        Path dir = Path.of(config.dataDir()).toAbsolutePath();
        try {
            EmbeddedMemoryStore store = EmbeddedMemoryStore.open(dir, new EmbeddedStoreOptions(e.fsync(),
                    e.ramBufferMb(), e.commitInterval(), e.commitEveryOps()));
            Log.infof("Embedded memory store open in %s", dir);
            return store;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot open the memory store in " + dir, ex);
        }
    }

    private static MemoryStore qdrant(MemoryConfig config) {
        MemoryConfig.Qdrant q = config.qdrant();
        String url = q.url().orElseThrow(() -> new IllegalArgumentException(
                "langomni.memory.store=qdrant needs QDRANT_URL (e.g. http://localhost:6334)"));
        return QdrantMemoryStore.connect(url, q.apiKey().orElse(null), q.collection(),
                config.embedding().dimension(), q.timeout());
    }

    void close(@Disposes MemoryStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
