package com.langomni.memory.repository;

import java.util.Map;

/** Size of a store: memories, distinct owners (-1 when the store cannot tell) and memories per kind. */
public record StoreStats(long memories, long owners, Map<String, Long> kinds) {

    public StoreStats {
        kinds = Map.copyOf(kinds);
    }
}
