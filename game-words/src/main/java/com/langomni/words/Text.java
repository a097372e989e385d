package com.langomni.words;

import java.util.List;
import java.util.Locale;

/** Small text helpers for building English sentences from world data. */
public final class Text {

    private Text() {
    }

    /**
     * One line of plain text: control characters and runs of whitespace become single spaces, and the result
     * is cut at {@code maxChars} (with an ellipsis) so no field can flood a narration.
     */
    public static String clean(String s, int maxChars) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (flat.length() <= maxChars) {
            return flat;
        }
        return flat.substring(0, Math.max(0, maxChars - 1)).stripTrailing() + "…";
    }

    /** Text that is safe inside double quotes: cleaned, with its own double quotes turned into single ones. */
    public static String quotable(String s, int maxChars) {
        return clean(s, maxChars).replace('"', '\'').replace('“', '\'').replace('”', '\'');
    }

    /** "a", "a and b", "a, b and c". */
    public static String join(List<String> parts) {
        List<String> p = parts.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (p.isEmpty()) {
            return "";
        }
        if (p.size() == 1) {
            return p.get(0);
        }
        return String.join(", ", p.subList(0, p.size() - 1)) + " and " + p.get(p.size() - 1);
    }

    public static String capitalize(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /**
     * "a rusty sword", "an oil lamp", "some gold coins"; names that are proper nouns or already carry a
     * determiner stay as they are. A heuristic, good enough for item and creature names.
     */
    public static String withArticle(String name) {
        String n = name.strip();
        if (n.isEmpty() || Character.isUpperCase(n.charAt(0)) || Character.isDigit(n.charAt(0))) {
            return n;
        }
        String lower = n.toLowerCase(Locale.ROOT);
        for (String determiner : List.of("a ", "an ", "the ", "some ", "your ", "his ", "her ", "its ")) {
            if (lower.startsWith(determiner)) {
                return n;
            }
        }
        if (lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us")) {
            return "some " + n;
        }
        return ("aeiou".indexOf(lower.charAt(0)) >= 0 ? "an " : "a ") + n;
    }

    /** "is" for one, "are" for several: the verb agreeing with a joined list. */
    public static String be(int count) {
        return count == 1 ? "is" : "are";
    }
}
