package com.langomni.memory.repository;

import com.langomni.api.memory.MemoryProvenance;
import com.langomni.api.memory.MemoryVisibility;

import java.util.List;

/**
 * A memory as the store keeps it: the record fields plus its unit-length embedding. Immutable; an access
 * produces a copy with a new {@code lastAccessAt}. Reads do not load the vector back ({@code vector} is null
 * then): nothing past the store needs it.
 *
 * @param subjectId the player the memory is about (no prefix), null when none
 * @param evidence  ids of the memories a reflection was drawn from; empty otherwise
 * @param visibility who it may be recalled for; null (a record stored before the field existed) is private
 * @param provenance where an NPC's memory came from; null for records stored before the field existed
 */
public record StoredMemory(String id, String ownerId, String kind, String text, int importance, long createdAt,
                           long lastAccessAt, String subjectId, List<String> evidence, float[] vector,
                           MemoryVisibility visibility, MemoryProvenance provenance) {

    public StoredMemory {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        visibility = MemoryVisibility.orPrivate(visibility);
    }

    /** A memory without a provenance. */
    public StoredMemory(String id, String ownerId, String kind, String text, int importance, long createdAt,
                        long lastAccessAt, String subjectId, List<String> evidence, float[] vector,
                        MemoryVisibility visibility) {
        this(id, ownerId, kind, text, importance, createdAt, lastAccessAt, subjectId, evidence, vector, visibility,
                null);
    }

    /** A private memory (the default). */
    public StoredMemory(String id, String ownerId, String kind, String text, int importance, long createdAt,
                        long lastAccessAt, String subjectId, List<String> evidence, float[] vector) {
        this(id, ownerId, kind, text, importance, createdAt, lastAccessAt, subjectId, evidence, vector, null);
    }

    public StoredMemory accessedAt(long at) {
        return at <= lastAccessAt ? this
                : new StoredMemory(id, ownerId, kind, text, importance, createdAt, at, subjectId, evidence, vector,
                        visibility, provenance);
    }

    public boolean isPublic() {
        return visibility == MemoryVisibility.PUBLIC;
    }
}
