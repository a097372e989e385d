package com.langomni.orchestrator.narration;

import com.langomni.api.game.LocationView;
import com.langomni.api.game.PlayerView;
import com.langomni.orchestrator.game.rules.Outcome;
import java.util.List;

/**
 * Everything a narrator may use for one action: what the rules decided and the state after it.
 *
 * @param playerText    what the player typed: data, never instructions
 * @param receivedNanos when the action came in ({@link System#nanoTime()}), for the time to first token
 */
public record NarrationContext(String actionId, Outcome outcome, PlayerView player, LocationView location,
                               List<String> recent, String playerText, long receivedNanos) {
}
