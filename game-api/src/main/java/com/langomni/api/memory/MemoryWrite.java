package com.langomni.api.memory;

import java.util.List;

/**
 * Body of memory-service {@code POST /api/memories}.
 *
 * @param ownerId    {@code npc:<id>} or {@code player:<id>}
 * @param kind       {@code observation}, {@code conversation} or {@code reflection}
 * @param importance 1 (mundane) to 10 (life-changing); null lets the service score it
 * @param createdAt  epoch millis; null means now
 * @param subjectId  the player the memory is about ({@code <playerId>}, no prefix), null when none: lets an admin
 *                   erase everything derived from one player
 * @param evidence   ids of the memories a reflection was drawn from; null or empty for other kinds
 * @param visibility who the memory may be recalled for ({@link MemoryVisibility}); null is
 *                   {@link MemoryVisibility#PRIVATE PRIVATE}: recalled only for {@code subjectId}
 * @param provenance where an NPC's memory came from (witnessed, told, heard from another NPC); null when unknown
 * <p>
 * A write may carry an {@value #IDEMPOTENCY_KEY} header (at most {@value #MAX_KEY_LENGTH} characters): memory-service
 * stores one memory per owner and key, and a repeat gets that memory back with {@value #REPLAYED} {@code true}.
 */
public record MemoryWrite(String ownerId, String kind, String text, Integer importance, Long createdAt,
                          String subjectId, List<String> evidence, MemoryVisibility visibility,
                          MemoryProvenance provenance) {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 200;

    /** A write without a visibility: private to its subject. */
    public MemoryWrite(String ownerId, String kind, String text, Integer importance, Long createdAt,
                       String subjectId, List<String> evidence) {
        this(ownerId, kind, text, importance, createdAt, subjectId, evidence, null);
    }

    /** A write without a provenance. */
    public MemoryWrite(String ownerId, String kind, String text, Integer importance, Long createdAt,
                       String subjectId, List<String> evidence, MemoryVisibility visibility) {
        this(ownerId, kind, text, importance, createdAt, subjectId, evidence, visibility, null);
    }
}
