package com.langomni.memory.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where memories and their vectors live: the embedded Lucene store (default) or Qdrant. Methods block (disk
 * or network): call them off the event loop. Every query names one owner; deletions by subject cross owners.
 */
public interface MemoryStore {

    /** The memory kinds, for per-kind statistics. */
    List<String> KINDS = List.of("observation", "conversation", "reflection");

    /** A short name reported by the stats endpoint: {@code embedded} or {@code qdrant}. */
    String name();

    /** Stores (or replaces, by id) a memory; it is durable when this returns. */
    void write(StoredMemory memory);

    /** The {@code k} memories of {@code ownerId} most similar to the unit-length {@code vector}, best first. */
    default List<SimilarMemory> search(String ownerId, float[] vector, int k) {
        return search(ownerId, null, vector, k);
    }

    /**
     * Like {@link #search(String, float[], int)}, scoped to a conversation with player {@code subjectId} when it is
     * not null: only memories about that player or public ones (a memory without a visibility is private).
     */
    List<SimilarMemory> search(String ownerId, String subjectId, float[] vector, int k);

    /** The newest {@code limit} memories of {@code ownerId} (by creation time), newest first. */
    List<StoredMemory> list(String ownerId, int limit);

    long count(String ownerId);

    /** The memory with this id, whoever owns it; empty when there is none. */
    Optional<StoredMemory> get(String id);

    /** Deletes the memory with this id; durable when this returns. Returns whether there was one. */
    boolean delete(String id);

    /** Deletes every memory of {@code ownerId}; durable when this returns. Returns how many were deleted. */
    long deleteByOwner(String ownerId);

    /** Deletes every memory about player {@code subjectId}, whoever owns it; durable when this returns. */
    long deleteBySubject(String subjectId);

    /** Records that memories were retrieved at {@code at}; may be persisted lazily. Unknown ids are ignored. */
    void touch(String ownerId, Collection<String> ids, long at);

    /** Number of memories; cheap enough for a metrics gauge. */
    long size();

    /** Full statistics for the admin panel (may cost a scan of the owners). */
    StoreStats stats();

    /** Whether the store can serve requests (readiness). */
    boolean isOpen();
}
