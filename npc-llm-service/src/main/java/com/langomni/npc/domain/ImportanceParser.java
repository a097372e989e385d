package com.langomni.npc.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a rating out of a model's answer. Models asked for "one number" still say "Rating: 7", "7/10", "**7**" or
 * "On a scale of 1 to 10, this is a 6", so: explicit "n/10" or "n out of 10" win (and must agree); otherwise the scale itself
 * is ignored and exactly one distinct number (digits or a word) must remain. Anything else (no number, two
 * different numbers, outside 1..10) is no rating: the caller falls back rather than guess.
 */
public final class ImportanceParser {
    private static final Pattern OUT_OF_TEN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/|out\\s+of)\\s*10\\b");
    private static final Pattern SCALE = Pattern.compile("\\b(?:from\\s+)?(?:1|one)\\s*(?:-|–|to)\\s*(?:10|ten)\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)(?![\\w])");
    private static final List<String> WORDS = List.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten");
    private static final Pattern WORD = Pattern.compile("\\b(" + String.join("|", WORDS) + ")\\b");

    private ImportanceParser() {
    }

    public static OptionalInt parse(String answer) {
        if (answer == null || answer.isBlank()) {
            return OptionalInt.empty();
        }
        String s = answer.toLowerCase(Locale.ROOT);
        Set<Long> found = new LinkedHashSet<>();
        Matcher explicit = OUT_OF_TEN.matcher(s);
        while (explicit.find()) {
            found.add(Math.round(Double.parseDouble(explicit.group(1))));
        }
        if (!found.isEmpty()) {
            return found.size() == 1 ? inRange(found.iterator().next()) : OptionalInt.empty();
        }
        s = SCALE.matcher(s).replaceAll(" ");
        Matcher digits = NUMBER.matcher(s);
        while (digits.find()) {
            found.add(Math.round(Double.parseDouble(digits.group(1))));
        }
        if (found.isEmpty()) {
            Matcher words = WORD.matcher(s);
            while (words.find()) {
                found.add((long) WORDS.indexOf(words.group(1)) + 1);
            }
        }
        return found.size() == 1 ? inRange(found.iterator().next()) : OptionalInt.empty();
    }

    private static OptionalInt inRange(long value) {
        return value >= 1 && value <= 10 ? OptionalInt.of((int) value) : OptionalInt.empty();
    }
}
