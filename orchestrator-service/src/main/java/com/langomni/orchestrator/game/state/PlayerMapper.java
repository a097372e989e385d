package com.langomni.orchestrator.game.state;

import com.langomni.orchestrator.game.rules.model.PlayerState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Player rows to domain state and back. */
public final class PlayerMapper {

    private PlayerMapper() {
    }

    public static PlayerSnapshot toSnapshot(PlayerEntity row) {
        PlayerState state = new PlayerState(row.id.toString(), row.name, row.locationId, row.hp, row.maxHp,
                row.inventory == null ? List.of() : row.inventory);
        return new PlayerSnapshot(state, row.version);
    }

    public static PlayerEntity newRow(PlayerState state, String passwordHash, String role, Instant now) {
        PlayerEntity row = new PlayerEntity();
        row.id = UUID.fromString(state.id());
        row.name = state.name();
        row.passwordHash = passwordHash;
        row.role = role;
        row.locationId = state.locationId();
        row.hp = state.hp();
        row.maxHp = state.maxHp();
        row.inventory = List.copyOf(state.inventory());
        row.version = 0;
        row.createdAt = now;
        row.updatedAt = now;
        return row;
    }
}
