package com.langomni.orchestrator.game.state;

import java.util.Optional;
import java.util.UUID;

/** Player ids are UUIDs; anything else names no player. */
public final class PlayerIds {

    private PlayerIds() {
    }

    public static Optional<UUID> parse(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
