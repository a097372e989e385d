package com.langomni.api.memory;

import java.util.List;

/**
 * Body of memory-service {@code POST /api/embeddings/rank}: order stateless candidate texts by semantic
 * similarity to a query (used for an NPC's authored knowledge).
 */
public record RankRequest(String query, List<String> candidates, Integer limit) {
}
