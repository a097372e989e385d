package com.langomni.orchestrator.game;

import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.state.PlayerSnapshot;

/**
 * A committed action.
 *
 * @param before  the player's state it started from
 * @param after   the player's state after it (same as before when nothing changed)
 * @param outcome what the rules decided
 * @param current the state of the location the player is in now (for the view sent back)
 * @param rulesNanos how long the rules engine took to decide (inside the transaction; for the stage metrics)
 */
public record Committed(PlayerSnapshot before, PlayerSnapshot after, Outcome outcome, LocationState current,
                        long rulesNanos) {

    public boolean moved() {
        return !before.state().locationId().equals(after.state().locationId());
    }

    public boolean playerChanged() {
        return after.version() != before.version();
    }
}
