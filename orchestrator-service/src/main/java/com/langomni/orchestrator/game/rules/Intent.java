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
 */
public record Intent(Verb verb, String target, String topic, String raw) {
}
