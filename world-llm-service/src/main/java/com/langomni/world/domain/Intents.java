package com.langomni.world.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The intents the narrator knows, with the synonyms callers might send for them. */
public final class Intents {
    public static final Set<String> KNOWN = Set.of("look", "go", "take", "drop", "inventory", "examine", "say",
            "talk", "attack", "use", "help", "death", "unknown");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("move", "go"), Map.entry("walk", "go"), Map.entry("l", "look"), Map.entry("get", "take"),
            Map.entry("i", "inventory"), Map.entry("inv", "inventory"), Map.entry("x", "examine"),
            Map.entry("kill", "attack"), Map.entry("fight", "attack"), Map.entry("ask", "talk"),
            Map.entry("died", "death"));

    private Intents() {
    }

    /** The canonical intent name, or {@code unknown} for anything the narrator has no templates for. */
    public static String normalize(String intent) {
        if (intent == null) {
            return "unknown";
        }
        String i = intent.strip().toLowerCase(Locale.ROOT);
        i = ALIASES.getOrDefault(i, i);
        return KNOWN.contains(i) ? i : "unknown";
    }
}
