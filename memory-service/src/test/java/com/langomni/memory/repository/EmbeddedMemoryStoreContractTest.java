package com.langomni.memory.repository;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/** The store contract on the embedded (Lucene + write-ahead log) store. */
class EmbeddedMemoryStoreContractTest extends MemoryStoreContract {

    @TempDir
    Path dir;
    private EmbeddedMemoryStore store;

    @BeforeEach
    void open() throws IOException {
        store = EmbeddedMemoryStore.open(dir, EmbeddedStoreOptions.DEFAULT);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    MemoryStore store() {
        return store;
    }
}
