package com.langomni.orchestrator.game.rules;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Verb;
import java.util.List;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;

/**
 * What the rules engine decided for one intent, as facts: the engine is the only thing that changes state, and it
 * words nothing (game-words says it: {@code OutcomeText} for the player, {@code RoomLines} for the others).
 *
 * @param success   false when the action was refused ({@code facts} is then a {@link Facts.Refused})
 * @param player    the player after the action (same as before when nothing changed)
 * @param location  the state of the location the player acted in after the action (same as before when unchanged)
 * @param changed   true when player or location state changed and must be committed
 * @param events    what others see, per location (a move yields "left" in one room and "arrived" in another)
 * @param facts     what happened, typed per kind of outcome
 * @param npcTalk   non-null when an NPC must answer
 */
public record Outcome(Verb verb, boolean success, PlayerState player, LocationState location, boolean changed,
                      List<RoomEventSpec> events, Facts facts, NpcTalk npcTalk) {
}
