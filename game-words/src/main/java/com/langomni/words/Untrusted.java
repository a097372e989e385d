package com.langomni.words;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text written by players (what they typed or said, their names, the room's recent events, their history) as a
 * prompt may carry it: inside a fenced block that the system message declares data, never instructions.
 * <p>
 * The fence cannot be forged from inside. {@link #neutral} folds compatibility forms (NFKC: full-width {@code ＜}
 * becomes {@code <}), drops invisible characters (zero-width, joiners, bidi overrides and isolates, tags, private
 * use), flattens every line break and control character to a space, and turns every bracket that could start or end
 * a marker or a chat template's control token ({@code <}, {@code >}, look-alikes such as {@code ‹ « 〈 ⟨ ≪}, and
 * {@code [ ] { }}) into a plain parenthesis, runs of them into one. So {@code <|system|>}, {@code [INST]},
 * {@code UNTRUSTED>>>} and a line of its own are all out of reach, and the text is cut to its limit.
 */
public final class Untrusted {
    /** Opens a fenced block: alone on its line. */
    public static final String OPEN = "<<<UNTRUSTED";
    /** Closes a fenced block: alone on its line. */
    public static final String CLOSE = "UNTRUSTED>>>";

    /** Angle brackets and their look-alikes, opening (NFKC has already folded the full-width and small forms). */
    private static final String ANGLES_OPENING = "<‹«〈〈《⟨⟪❬❮❰⧼⦉⦑˂ᐸ≪⋘⪡⫷＜﹤";
    /** Their closing counterparts. */
    private static final String ANGLES_CLOSING = ">›»〉〉》⟩⟫❭❯❱⧽⦊⦒˃ᐳ≫⋙⪢⫸＞﹥";
    /** Other brackets a chat template's control token or a placeholder could use ({@code [INST]}, {@code {said}}). */
    private static final String OTHERS_OPENING = "[{⟦⦃⟬「『【〔〖〘〚";
    private static final String OTHERS_CLOSING = "]}⟧⦄⟭」』】〕〗〙〛";
    private static final String OPENING = ANGLES_OPENING + OTHERS_OPENING;
    private static final String CLOSING = ANGLES_CLOSING + OTHERS_CLOSING;
    private static final Pattern BRACKET_RUNS = Pattern.compile("([()])\\1+");

    private Untrusted() {
    }

    /**
     * {@code s} as one line of fenced data at most {@code maxChars} long: nothing in it can open or close a fence,
     * start a line, or hide characters from a reader.
     */
    public static String neutral(String s, int maxChars) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> {
            switch (Character.getType(cp)) {
                case Character.FORMAT, Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE -> { }
                case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> out.append(' ');
                default -> {
                    if (OPENING.indexOf(cp) >= 0) {
                        out.append('(');
                    } else if (CLOSING.indexOf(cp) >= 0) {
                        out.append(')');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return Text.clean(BRACKET_RUNS.matcher(out).replaceAll("$1"), maxChars);
    }

    /**
     * Authored text (the world pack's names and descriptions, the rules' sentence) as one line of at most
     * {@code maxChars} whose angle brackets, look-alikes included, are parentheses (a run of them one): it cannot
     * form a fence marker by accident either, and keeps its other characters (such as the outcome's {@code {said}}).
     */
    static String authored(String s, int maxChars) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(ANGLES_OPENING.indexOf(cp) >= 0 ? '('
                : ANGLES_CLOSING.indexOf(cp) >= 0 ? ')' : cp));
        return Text.clean(BRACKET_RUNS.matcher(out).replaceAll("$1"), maxChars);
    }

    /** A fenced block of lines already made {@link #neutral}: the markers, each on its own line, around them. */
    static void block(StringBuilder out, List<String> lines) {
        out.append(OPEN).append('\n');
        lines.forEach(line -> out.append(line).append('\n'));
        out.append(CLOSE).append('\n');
    }

    /**
     * What a prompt says outside its fenced blocks: the words a model is told to take as facts and instructions.
     * For tests and audits, e.g. that no player's words appear there. An unclosed block runs to the end.
     */
    public static String outside(String prompt) {
        StringBuilder out = new StringBuilder(prompt.length());
        int from = 0;
        while (true) {
            int open = prompt.indexOf(OPEN + "\n", from);
            if (open < 0) {
                return out.append(prompt, from, prompt.length()).toString();
            }
            out.append(prompt, from, open);
            int close = prompt.indexOf("\n" + CLOSE + "\n", open);
            if (close < 0) {
                return out.toString();
            }
            from = close + CLOSE.length() + 2;
        }
    }

    /** The contents of every fenced block of a prompt, block after block: the players' words it quotes. */
    public static List<String> inside(String prompt) {
        List<String> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = prompt.indexOf(OPEN + "\n", from);
            if (open < 0) {
                return blocks;
            }
            int start = open + OPEN.length() + 1;
            int close = prompt.indexOf("\n" + CLOSE + "\n", start - 1);
            if (close < 0) {
                blocks.add(prompt.substring(start));
                return blocks;
            }
            blocks.add(close < start ? "" : prompt.substring(start, close));
            from = close + CLOSE.length() + 2;
        }
    }
}
