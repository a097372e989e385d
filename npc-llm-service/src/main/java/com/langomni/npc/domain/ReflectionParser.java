package com.langomni.npc.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads insights out of a model's answer to the reflection prompt: one per line, {@code <sentence> (because of 1,
 * 5, 3)}, tolerating list markers, an "Insight:" label, square brackets and "memories 2 and 4". Numbers map back
 * to the ids the prompt showed; numbers that name no shown memory are dropped, and a line left without evidence,
 * or without a sentence, is no insight: a reflection must rest on what the character remembers.
 */
public final class ReflectionParser {
    private static final Pattern LEAD = Pattern.compile(
            "^(?:\\s*(?:[-*•]+|\\d+[.)]|insight\\s*\\d*\\s*[:.)-]|\\*\\*insight\\s*\\d*:?\\*\\*:?)\\s*)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE = Pattern.compile(
            "^(.+?)\\s*[(\\[]\\s*(?:because\\s+of|based\\s+on|from|evidence|see)?\\s*(?:memor(?:y|ies))?\\s*[:#]?\\s*"
                    + "((?:#?\\d+\\s*(?:,|;|&|and|\\s)\\s*)*#?\\d+)\\s*[)\\]]\\s*[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    private ReflectionParser() {
    }

    /** An insight and the ids of its evidence, in the order the model cited them. */
    public record Draft(String text, List<String> evidence) {
        public Draft {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * @param ids      the memory ids by prompt number (number n is {@code ids.get(n - 1)})
     * @param max      insights kept at most, the first ones
     * @param maxChars longest insight kept; longer ones are cut
     */
    public static List<Draft> parse(String answer, List<String> ids, int max, int maxChars) {
        List<Draft> drafts = new ArrayList<>();
        if (answer == null) {
            return drafts;
        }
        Set<String> seen = new HashSet<>();
        for (String raw : answer.split("\\R")) {
            if (drafts.size() >= max) {
                break;
            }
            Matcher m = LINE.matcher(LEAD.matcher(raw.strip().replace("**", "")).replaceFirst(""));
            if (!m.matches()) {
                continue;
            }
            String text = sentence(m.group(1), maxChars);
            List<String> evidence = evidence(m.group(2), ids);
            if (evidence.isEmpty() || WORD.matcher(text).results().count() < 3
                    || !seen.add(text.toLowerCase(Locale.ROOT))) {
                continue;
            }
            drafts.add(new Draft(text, evidence));
        }
        return drafts;
    }

    private static List<String> evidence(String numbers, List<String> ids) {
        Set<String> evidence = new LinkedHashSet<>();
        Matcher n = NUMBER.matcher(numbers);
        while (n.find()) {
            String digits = n.group();
            int number = digits.length() > 6 ? -1 : Integer.parseInt(digits);
            if (number >= 1 && number <= ids.size()) {
                evidence.add(ids.get(number - 1));
            }
        }
        return List.copyOf(evidence);
    }

    /** One clean sentence: no surrounding quotes or trailing colon, capped, ending in punctuation. */
    private static String sentence(String s, int maxChars) {
        String t = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        t = t.replaceAll("^[\"'“‘]+|[\"'”’]+$", "").replaceAll("[\\s:;,-]+$", "").strip();
        if (t.length() > maxChars) {
            t = t.substring(0, Math.max(1, maxChars - 1)).stripTrailing() + "…";
        }
        if (!t.isEmpty() && ".!?…".indexOf(t.charAt(t.length() - 1)) < 0) {
            t = t + ".";
        }
        return t;
    }
}
