package com.langomni.orchestrator.game.rules;

import com.langomni.api.outcome.Verb;

/**
 * A parsed action. Words are as typed but normalised: lower case, articles and punctuation dropped, directions
 * canonical ("n" becomes "north"); only words said aloud keep their case.
 *
 * @param target the object of the verb ("north", "rusty sword", "smith"), null when none
 * @param topic  the second object: the subject of a question ("sword" in "ask smith about the sword"), the words
 *               said ("Hello" in "say Hello"), the weapon of an attack ("spear" in "attack wolf with spear") or
 *               what an item is used on ("door" in "use key on door"); null when none
 * @param raw    the text as typed
 * @param withheld the world's moderation flagged the player's words: the rules refuse the action
 *                 ({@code Refusal.WITHHELD}) and the words themselves are gone (target, topic and raw are null)
 */
public record Intent(Verb verb, String target, String topic, String raw, boolean withheld) {

    public Intent(Verb verb, String target, String topic, String raw) {
        this(verb, target, topic, raw, false);
    }

    /** This intent with its words withheld (moderation decides that, outside the rules: it may do I/O). */
    public Intent withhold() {
        return new Intent(verb, null, null, null, true);
    }
}
