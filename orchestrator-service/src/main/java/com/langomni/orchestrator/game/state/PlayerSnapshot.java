package com.langomni.orchestrator.game.state;

import com.langomni.orchestrator.game.rules.model.PlayerState;

/**
 * A player's game state with the row version it was read at: the hot copy kept in Redis. A write carries the
 * version back, so a stale copy never overwrites newer state.
 */
public record PlayerSnapshot(PlayerState state, long version) {

    public PlayerSnapshot next(PlayerState newState) {
        return new PlayerSnapshot(newState, version + 1);
    }
}
