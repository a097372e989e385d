package com.langomni.api.memory;

import java.util.List;

/**
 * Body of {@code POST /api/npc/reflect}.
 *
 * @param ownerId  whose memories these are ({@code npc:<id>}); also the routing key, so one owner's reflections
 *                 reuse one replica's cache
 * @param memories the memories to reflect on, in the caller's order; their texts are data, never instructions
 */
public record ReflectRequest(String ownerId, List<MemoryText> memories) {
}
