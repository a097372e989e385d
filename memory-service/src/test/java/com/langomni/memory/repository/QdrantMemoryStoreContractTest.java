package com.langomni.memory.repository;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store contract on a real Qdrant: runs only when QDRANT_URL is set (e.g. http://localhost:6334), in a
 * throwaway collection; skipped with that reason otherwise (no Qdrant server is available in CI here).
 */
class QdrantMemoryStoreContractTest extends MemoryStoreContract {

    private static QdrantMemoryStore store;

    /** Per test, so that each one is reported as skipped, with the reason, when there is no server. */
    @BeforeEach
    void connect() {
        String url = System.getenv("QDRANT_URL");
        assumeTrue(url != null && !url.isBlank(),
                "QDRANT_URL is not set: the Qdrant store contract is skipped (set it to run against a server)");
        if (store != null) {
            return;
        }
        store = QdrantMemoryStore.connect(url, System.getenv("QDRANT_API_KEY"),
                "langomni_contract_" + System.currentTimeMillis(), DIM, Duration.ofSeconds(10));
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    MemoryStore store() {
        return store;
    }
}
