package com.langomni.api.memory;

/**
 * Body of memory-service {@code POST /api/memories/search}: the best {@code limit} memories of one owner.
 *
 * @param subjectId when set, the recall is for a conversation with this player ({@code <playerId>}, no prefix): only
 *                  memories about this player and {@link MemoryVisibility#PUBLIC public} ones are searched, so one
 *                  player's words never reach another's conversation; null searches all the owner's memories (admin)
 */
public record MemorySearch(String ownerId, String query, Integer limit, String subjectId) {

    /** An unscoped search: every memory of the owner. */
    public MemorySearch(String ownerId, String query, Integer limit) {
        this(ownerId, query, limit, null);
    }
}
