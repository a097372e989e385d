package com.langomni.api.memory;

import java.util.List;

/**
 * A stored memory; times are epoch millis.
 *
 * @param subjectId the player it is about, null when none
 * @param evidence  ids of the memories a reflection was drawn from; empty for other kinds
 */
public record MemoryRecord(String id, String ownerId, String kind, String text, int importance, long createdAt,
                           long lastAccessAt, String subjectId, List<String> evidence) {
}
