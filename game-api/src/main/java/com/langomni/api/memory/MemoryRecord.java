package com.langomni.api.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.langomni.api.narration.TokenUsage;

import java.util.List;

/**
 * A stored memory; times are epoch millis.
 *
 * @param subjectId the player it is about, null when none
 * @param evidence  ids of the memories a reflection was drawn from; empty for other kinds
 * @param usage     on the answer to a write only: the LLM tokens its importance rating cost (null elsewhere), so the
 *                  writer can meter them for the owner
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemoryRecord(String id, String ownerId, String kind, String text, int importance, long createdAt,
                           long lastAccessAt, String subjectId, List<String> evidence, TokenUsage usage) {

    public MemoryRecord(String id, String ownerId, String kind, String text, int importance, long createdAt,
                        long lastAccessAt, String subjectId, List<String> evidence) {
        this(id, ownerId, kind, text, importance, createdAt, lastAccessAt, subjectId, evidence, null);
    }
}
