package com.langomni.memory.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of a memory written with an idempotency key: a name-based UUID of its owner and the key, so the key is
 * kept with the memory (as its id) in whichever store, survives restarts like the memory itself, and two writes of
 * one key, even concurrent ones, land on one id (stores replace by id).
 */
public final class MemoryIds {

    private MemoryIds() {
    }

    public static String forKey(String ownerId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes((ownerId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
