package com.langomni.memory.repository;

import java.util.Collection;
import java.util.List;

/**
 * Where memories and their vectors live. The embedded log-backed store is the default; a Qdrant store
 * slots in behind the same interface. Methods block (disk or network): call them off the event loop.
 */
public interface MemoryStore {

    /** A short name reported by the stats endpoint, e.g. {@code embedded}. */
    String name();

    /** Stores a memory; it is durable when this returns. */
    void write(StoredMemory memory);

    /** The {@code k} memories of {@code ownerId} most similar to the unit-length {@code vector}, best first. */
    List<SimilarMemory> search(String ownerId, float[] vector, int k);

    /** The newest {@code limit} memories of {@code ownerId} (by creation time), newest first. */
    List<StoredMemory> list(String ownerId, int limit);

    long count(String ownerId);

    /** Deletes every memory of {@code ownerId}; durable when this returns. Returns how many were deleted. */
    long deleteByOwner(String ownerId);

    /** Records that memories were retrieved at {@code at}; may be persisted lazily. Unknown ids are ignored. */
    void touch(String ownerId, Collection<String> ids, long at);

    StoreStats stats();

    /** Whether the store can serve requests (readiness). */
    boolean isOpen();
}
