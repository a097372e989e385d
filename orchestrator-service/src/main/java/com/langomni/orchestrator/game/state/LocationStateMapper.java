package com.langomni.orchestrator.game.state;

import com.langomni.orchestrator.game.rules.model.LocationState;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Location state rows to domain state and back. */
public final class LocationStateMapper {

    private LocationStateMapper() {
    }

    public static LocationState toState(LocationStateEntity row) {
        return new LocationState(row.locationId,
                row.items == null ? List.of() : row.items,
                row.creatures == null ? Map.of() : row.creatures,
                row.unlockedExits == null ? Set.of() : row.unlockedExits);
    }

    public static LocationStateEntity newRow(LocationState state) {
        LocationStateEntity row = new LocationStateEntity();
        row.locationId = state.locationId();
        copy(state, row, Instant.now());
        return row;
    }

    /** Writes {@code state} into a managed row; Hibernate flushes it at commit. */
    public static void copy(LocationState state, LocationStateEntity row, Instant now) {
        row.items = List.copyOf(state.items());
        row.creatures = new HashMap<>(state.creatures());
        row.unlockedExits = new HashSet<>(state.unlockedExits());
        row.updatedAt = now;
    }
}
