package com.langomni.api.outcome;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;

/**
 * What a player can do: the intent the orchestrator's parser recognises, the rules apply, the narrators put into
 * words and the metrics count. On the wire it is the lower-case name ({@code "go"}, {@code "tell"}). Adding one
 * here makes the compiler point at every switch that must learn it (the rules, the words, the help text).
 * {@code UNKNOWN} is narrated without any state change.
 */
public enum Verb {
    LOOK, GO, TAKE, DROP, INVENTORY, EXAMINE, SAY, TALK, TELL, ATTACK, USE, GIVE, HELP, QUESTS, QUEST,
    // trading between players and parties (issue #17)
    OFFER, ACCEPT, DECLINE, CANCEL, INVITE, JOIN, LEAVE, PARTY, PSAY,
    UNKNOWN;

    /** Names callers of world-llm-service's API have sent for a verb (it is also called by hand and by tests). */
    private static final Map<String, Verb> ALIASES = Map.ofEntries(
            Map.entry("move", GO), Map.entry("walk", GO), Map.entry("l", LOOK), Map.entry("get", TAKE),
            Map.entry("i", INVENTORY), Map.entry("inv", INVENTORY), Map.entry("x", EXAMINE),
            Map.entry("kill", ATTACK), Map.entry("fight", ATTACK), Map.entry("ask", TALK),
            Map.entry("journal", QUESTS));

    /** The wire name: {@code "look"}, {@code "go"}, ... */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The verb a wire name (or an alias of one) stands for; {@link #UNKNOWN} for any other word, so a caller can
     * never mint a verb; null for a missing or blank name, which a request validator reports.
     */
    @JsonCreator
    public static Verb of(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (Verb verb : values()) {
            if (verb.wire().equals(key)) {
                return verb;
            }
        }
        return ALIASES.getOrDefault(key, UNKNOWN);
    }
}
