package com.langomni.orchestrator.admin;

/**
 * A row of {@code GET /api/admin/npcs}.
 *
 * @param conversations players with a live conversation with the NPC (null when Redis did not answer)
 * @param memories      the NPC's memories in memory-service (null when it did not answer)
 */
public record AdminNpc(String id, String name, String title, String locationId, String locationName,
                       Long conversations, Long memories) {
}
