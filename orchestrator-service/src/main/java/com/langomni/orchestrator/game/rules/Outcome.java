package com.langomni.orchestrator.game.rules;

import java.util.List;
import java.util.Map;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;

/**
 * What the rules engine decided for one intent. The engine is the only thing that changes state.
 *
 * @param success   false when the action was refused; {@code message} then says why
 * @param message   a plain second-person sentence stating the outcome; the fallback narration
 * @param player    the player after the action (same as before when nothing changed)
 * @param location  the state of the location the player acted in after the action (same as before when unchanged)
 * @param changed   true when player or location state changed and must be committed
 * @param events    what others see, per location (a move yields "left" in one room and "arrived" in another)
 * @param facts     structured details for narrators ("item", "direction", "damage", "creature", ...)
 * @param npcTalk   non-null when an NPC must answer
 */
public record Outcome(Verb verb, boolean success, String message, PlayerState player, LocationState location,
                      boolean changed, List<RoomEventSpec> events, Map<String, String> facts, NpcTalk npcTalk) {
}
