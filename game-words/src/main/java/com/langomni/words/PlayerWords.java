package com.langomni.words;

import com.langomni.api.outcome.Facts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parts of an outcome's facts that a player wrote rather than the world's author: what they said or told,
 * the topic they asked about, the words they typed for something that is not there ({@code Refused.what}) and
 * their own name. The rules' sentence shows them to the player ({@link OutcomeText#of}); a prompt never puts them
 * among the fixed outcome ({@link OutcomeText#withheld}) but quotes them in a fenced block, and a narration whose
 * facts carry any is not shared through the narration cache.
 */
public final class PlayerWords {
    public static final String SAID = "said";
    public static final String TOPIC = "topic";
    public static final String WHAT = "what";
    public static final String PLAYER_NAME = "playerName";

    /** Every name this gives; {@link FactValues} uses the same names for the first three. */
    public static final Set<String> NAMES = Set.of(SAID, TOPIC, WHAT, PLAYER_NAME);

    private PlayerWords() {
    }

    /** Name to the player's words, in the order the sentence says them; empty when the facts carry none. */
    public static Map<String, String> of(Facts facts) {
        Map<String, String> words = new LinkedHashMap<>();
        if (facts == null) {
            return words;
        }
        switch (facts.kind()) {
            case SAID -> put(words, SAID, ((Facts.Said) facts).said());
            case TOLD -> put(words, SAID, ((Facts.Told) facts).said());
            case PARTY_SAID -> put(words, SAID, ((Facts.PartySaid) facts).said());
            case TALKED -> put(words, TOPIC, ((Facts.Talked) facts).topic());
            case SELF_EXAMINED -> put(words, PLAYER_NAME, ((Facts.SelfExamined) facts).playerName());
            case REFUSED -> put(words, WHAT, ((Facts.Refused) facts).what());
            default -> { }
        }
        return Collections.unmodifiableMap(words);
    }

    private static void put(Map<String, String> words, String name, String value) {
        if (value != null) {
            words.put(name, value);
        }
    }
}
