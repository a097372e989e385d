package com.langomni.memory.mapping;

import com.langomni.api.memory.MemoryRecord;
import com.langomni.memory.repository.StoredMemory;

/** Store entries to API records (the vector stays inside the service). */
public final class MemoryMapper {

    private MemoryMapper() {
    }

    public static MemoryRecord toRecord(StoredMemory m) {
        return new MemoryRecord(m.id(), m.ownerId(), m.kind(), m.text(), m.importance(), m.createdAt(),
                m.lastAccessAt(), m.subjectId(), m.evidence());
    }
}
