package com.langomni.orchestrator.memory;

import java.util.Map;

/**
 * One entry of the memory write queue, read from its fields: the {@code MemoryWrite} as JSON ({@code write}; null
 * when the entry has no such field, e.g. trimmed while pending), its idempotency key ({@code key}; entries queued
 * before keys existed use their entry id), the attempts that failed so far ({@code attempts}) and the last
 * failure ({@code error}).
 */
record QueuedWrite(String id, String payload, String key, int attempts, String lastError) {

    static final String WRITE = "write";
    static final String KEY = "key";
    static final String ATTEMPTS = "attempts";
    static final String ERROR = "error";

    static QueuedWrite of(String id, Map<String, String> fields) {
        Map<String, String> f = fields == null ? Map.of() : fields;
        String key = f.get(KEY);
        return new QueuedWrite(id, f.get(WRITE), key == null || key.isBlank() ? id : key, count(f.get(ATTEMPTS)),
                f.getOrDefault(ERROR, ""));
    }

    private static int count(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
