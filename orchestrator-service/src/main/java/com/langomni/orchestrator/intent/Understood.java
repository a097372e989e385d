package com.langomni.orchestrator.intent;

import com.langomni.orchestrator.game.rules.Intent;
import java.util.List;

/**
 * An action as the rules will take it, and how it was understood.
 *
 * @param intent      what the rules apply
 * @param proposed    the legal command a model picked for the player's words ("open chest"), null when the parser
 *                    understood them or nobody did
 * @param suggestions a few legal commands for a player who was not understood; empty otherwise
 */
public record Understood(Intent intent, String proposed, List<String> suggestions) {

    public static Understood asParsed(Intent intent) {
        return new Understood(intent, null, List.of());
    }
}
