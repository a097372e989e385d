package com.langomni.orchestrator.admin;

import com.langomni.api.memory.MemoryRecord;
import java.util.List;

/**
 * Body of {@code GET /api/admin/npcs/{id}}: the NPC's row (its memory count as {@code memoryCount}), who it is
 * and its newest memories.
 *
 * @param memories          newest first; empty with {@code memoriesAvailable} false when memory-service is down
 */
public record AdminNpcDetail(String id, String name, String title, String locationId, String locationName,
                             Long conversations, Long memoryCount, String persona, List<String> knowledge,
                             List<MemoryRecord> memories, boolean memoriesAvailable) {
}
