package com.langomni.orchestrator.game.state;

/** The hot copy of a player's state was older than the row; the action is re-run on fresh state. */
public class StaleStateException extends RuntimeException {

    public StaleStateException(String playerId) {
        super("stale state for player " + playerId, null, false, false);
    }
}
