package com.langomni.npc.domain;

import java.util.regex.Pattern;

/**
 * Turns a model's raw answer into bare spoken words: the orchestrator wraps them as {@code Brann says, "..."},
 * so speaker prefixes ("Brann:", "Brann says,"), surrounding quotes and stage directions the model added anyway
 * come off, and inner double quotes become single ones.
 */
public final class NpcLineCleaner {
    private static final Pattern STAGE_DIRECTION = Pattern.compile("^\\s*(\\*[^*]{0,200}\\*|\\([^)]{0,200}\\))\\s*");
    private static final String OPEN_QUOTES = "\"'“‘«„";
    private static final String CLOSE_QUOTES = "\"'”’»“";

    private final int maxChars;

    /** @param maxChars longest line kept; longer ones are cut at the last sentence end that fits */
    public NpcLineCleaner(int maxChars) {
        this.maxChars = maxChars;
    }

    /** The words to say, "" when nothing usable is left. */
    public String clean(String raw, String npcName) {
        if (raw == null) {
            return "";
        }
        String s = raw.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        s = s.replace("**", "");
        s = stripSpeaker(s, npcName);
        s = STAGE_DIRECTION.matcher(s).replaceFirst("");
        s = stripSpeaker(s, npcName);
        s = unquote(s).replace('"', '\'').replace('“', '\'').replace('”', '\'').strip();
        return cap(s);
    }

    private static String stripSpeaker(String s, String npcName) {
        if (npcName == null || npcName.isBlank()) {
            return s;
        }
        Pattern speaker = Pattern.compile("^" + Pattern.quote(npcName.strip())
                + "(\\s+(says|said|replies|replied|answers|answered))?\\s*[:,]\\s*", Pattern.CASE_INSENSITIVE);
        return speaker.matcher(s).replaceFirst("");
    }

    private static String unquote(String s) {
        String t = s;
        if (t.length() >= 2 && OPEN_QUOTES.indexOf(t.charAt(0)) >= 0
                && CLOSE_QUOTES.indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(1, t.length() - 1);
        } else if (!t.isEmpty() && "\"“«".indexOf(t.charAt(0)) >= 0 && t.chars().filter(c -> c == '"').count() <= 1) {
            t = t.substring(1); // an opening quote whose closing one was cut off by max tokens
        }
        return t.strip();
    }

    private String cap(String s) {
        if (s.length() <= maxChars) {
            return s;
        }
        String head = s.substring(0, maxChars);
        int end = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf("! "), head.lastIndexOf("? ")));
        return end > maxChars / 3 ? head.substring(0, end + 1) : head.stripTrailing() + "…";
    }
}
