package com.langomni.memory.mapping;

import com.langomni.api.memory.MemoryRecord;
import com.langomni.api.narration.TokenUsage;
import com.langomni.memory.repository.StoredMemory;

/** Store entries to API records (the vector stays inside the service). */
public final class MemoryMapper {

    private MemoryMapper() {
    }

    public static MemoryRecord toRecord(StoredMemory m) {
        return toRecord(m, null);
    }

    /** @param usage the LLM tokens the write cost: on the answer to a write only, null elsewhere */
    public static MemoryRecord toRecord(StoredMemory m, TokenUsage usage) {
        return toRecord(m, usage, null);
    }

    /** @param reflectionUsage what the owner's reflections cost since its previous write answer (null: none) */
    public static MemoryRecord toRecord(StoredMemory m, TokenUsage usage, TokenUsage reflectionUsage) {
        return new MemoryRecord(m.id(), m.ownerId(), m.kind(), m.text(), m.importance(), m.createdAt(),
                m.lastAccessAt(), m.subjectId(), m.evidence(), usage, reflectionUsage, m.visibility(), m.provenance());
    }
}
