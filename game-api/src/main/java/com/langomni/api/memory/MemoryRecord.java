package com.langomni.api.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.langomni.api.narration.TokenUsage;

import java.util.List;

/**
 * A stored memory; times are epoch millis.
 *
 * @param subjectId the player it is about, null when none
 * @param evidence  ids of the memories a reflection was drawn from; empty for other kinds
 * @param visibility who it may be recalled for; {@link MemoryVisibility#PRIVATE PRIVATE} for memories stored before
 *                  the field existed
 * @param provenance where an NPC's memory came from; null for memories stored before the field existed
 * @param usage     on the answer to a write only: the LLM tokens its importance rating cost (null elsewhere), so the
 *                  writer can meter them for the owner
 * @param reflectionUsage on the answer to a write only: the LLM tokens the owner's reflections cost since the
 *                  owner's previous write was answered (reflections run in the background, after a write; their cost
 *                  is reported with the owner's next one); null elsewhere or when there were none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemoryRecord(String id, String ownerId, String kind, String text, int importance, long createdAt,
                           long lastAccessAt, String subjectId, List<String> evidence, TokenUsage usage,
                           TokenUsage reflectionUsage, MemoryVisibility visibility, MemoryProvenance provenance) {

    public MemoryRecord(String id, String ownerId, String kind, String text, int importance, long createdAt,
                        long lastAccessAt, String subjectId, List<String> evidence, TokenUsage usage,
                        TokenUsage reflectionUsage, MemoryVisibility visibility) {
        this(id, ownerId, kind, text, importance, createdAt, lastAccessAt, subjectId, evidence, usage,
                reflectionUsage, visibility, null);
    }

    public MemoryRecord(String id, String ownerId, String kind, String text, int importance, long createdAt,
                        long lastAccessAt, String subjectId, List<String> evidence, TokenUsage usage,
                        TokenUsage reflectionUsage) {
        this(id, ownerId, kind, text, importance, createdAt, lastAccessAt, subjectId, evidence, usage,
                reflectionUsage, null);
    }

    public MemoryRecord(String id, String ownerId, String kind, String text, int importance, long createdAt,
                        long lastAccessAt, String subjectId, List<String> evidence) {
        this(id, ownerId, kind, text, importance, createdAt, lastAccessAt, subjectId, evidence, null, null);
    }

    public MemoryRecord(String id, String ownerId, String kind, String text, int importance, long createdAt,
                        long lastAccessAt, String subjectId, List<String> evidence, TokenUsage usage) {
        this(id, ownerId, kind, text, importance, createdAt, lastAccessAt, subjectId, evidence, usage, null);
    }
}
