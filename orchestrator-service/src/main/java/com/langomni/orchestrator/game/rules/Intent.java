package com.langomni.orchestrator.game.rules;

import com.langomni.api.outcome.Verb;
import java.util.EnumSet;
import java.util.Set;

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

    /** The verbs whose target a later pronoun may stand for. */
    private static final Set<Verb> REFERRING = EnumSet.of(Verb.TAKE, Verb.DROP, Verb.EXAMINE, Verb.TALK, Verb.TELL,
            Verb.ATTACK, Verb.USE, Verb.GIVE);

    /**
     * Whether a pronoun ("it", "him", "her", "them": {@link Parser#PRONOUNS}) stands in for the target or the second
     * object; the words of a TELL are said as they are and never replaced.
     */
    public boolean usesPronoun() {
        return isPronoun(target) || (verb != Verb.TELL && isPronoun(topic));
    }

    /**
     * This intent with its pronouns replaced by {@code referent}, the last thing the player referred to (kept outside
     * the rules, per player); itself without a pronoun or a referent.
     */
    public Intent withReferent(String referent) {
        if (referent == null || referent.isBlank() || withheld || !usesPronoun()) {
            return this;
        }
        return new Intent(verb, isPronoun(target) ? referent : target,
                verb != Verb.TELL && isPronoun(topic) ? referent : topic, raw);
    }

    /**
     * What a later pronoun stands for after this intent: its target when the action succeeded and named a thing or a
     * person (not a direction), else null (the one before stays).
     */
    public String referent(boolean succeeded) {
        if (!succeeded || withheld || !REFERRING.contains(verb) || target == null || isPronoun(target)
                || Directions.canonical(target).isPresent()) {
            return null;
        }
        return target;
    }

    private static boolean isPronoun(String phrase) {
        return phrase != null && Parser.PRONOUNS.contains(phrase);
    }
}
