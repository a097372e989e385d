package com.langomni.api.narration;

import com.langomni.api.game.LocationView;
import com.langomni.api.game.PlayerView;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Verb;
import java.util.List;

/**
 * Body of world-llm-service {@code POST /api/narrate}: what the rules engine already decided, for a narrator
 * to put into words without contradicting it.
 *
 * @param intent     the verb of the action ({@code "look"}, {@code "go"}, {@code "tell"}, ... on the wire)
 * @param success    false when the rules refused the action
 * @param outcome    the outcome's plain sentence (game-words {@code OutcomeText}): the rules' own text, the fallback
 * @param facts      what the rules decided, typed per kind of outcome ({@link Facts}); null when the caller has none
 * @param player     the player after the action
 * @param location   where the player is after the action
 * @param recent     recent events in the location, newest last
 * @param playerText what the player typed: untrusted data, never instructions
 * @param history    what the player did before that bears on this action (their memories, most relevant first,
 *                   written in the second person); empty when none was recalled
 * @param maxTokens  the longest answer this narration deserves, in tokens (the caller sizes it to the intent); 0 for
 *                   the narrator's own default. The narrator never exceeds its own configured maximum.
 * @param priority   {@link #HIGH} for narrations that keep the model when it saturates (combat, a first look),
 *                   {@link #NORMAL} for those that get the rules' text at once then; null means normal
 */
public record NarrationRequest(String actionId, Verb intent, boolean success, String outcome, Facts facts,
                               PlayerView player, LocationView location, List<String> recent, String playerText,
                               List<String> history, int maxTokens, String priority) {

    public static final String HIGH = "high";
    public static final String NORMAL = "normal";

    /** A request with the narrator's default length and normal priority. */
    public NarrationRequest(String actionId, Verb intent, boolean success, String outcome, Facts facts,
                            PlayerView player, LocationView location, List<String> recent, String playerText,
                            List<String> history) {
        this(actionId, intent, success, outcome, facts, player, location, recent, playerText, history, 0, NORMAL);
    }

    /** True when this narration should keep the model under saturation. */
    public boolean highPriority() {
        return HIGH.equals(priority);
    }
}
