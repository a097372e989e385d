package com.langomni.npc.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Makes text that players (or an LLM that read players) wrote safe to put inside a prompt's data fence: one line,
 * capped, and unable to forge or close a fence marker or pose as a chat-template token.
 * <ul>
 * <li>NFKC first, so full-width and small-form look-alikes ({@code ＜ ﹤ ＞}) become the ASCII they imitate and are
 * caught below; its output is capped too (NFKC can expand one character into many).</li>
 * <li>Invisible format characters go (zero-width spaces and joiners, bidi embeddings, overrides and isolates, the
 * byte-order mark, tag characters: Unicode category Cf), so the model reads what a human reviewer sees.</li>
 * <li>Control characters and every kind of line break (also U+2028/U+2029) become one space: no line of data can
 * start with {@code System:} or a heading.</li>
 * <li>Angle brackets and the look-alikes NFKC keeps ({@code 〈 ⟨ ❬ ❮ ˂ ᐸ} ...) become {@code ‹ ›}: fence markers
 * are {@code <name>}, so data holds no marker and no {@code <|im_start|>}-style token. Square-bracket template
 * tokens ({@code [INST]}, {@code [/INST]}, {@code [SYS]}) lose their brackets, and runs of {@code #} shrink to one
 * (no {@code ### System} heading).</li>
 * </ul>
 * The words themselves stay ("ignore previous instructions" is still there, inside the fence): the system message
 * declares fenced text to be data, and no text can leave its fence.
 */
public final class UntrustedText {
    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}+");
    private static final Pattern BREAKS = Pattern.compile("[\\p{Cc}\\s\\p{Z}]+");
    private static final Pattern OPENERS = Pattern.compile("[<\\u2329\\u3008\\u27E8\\u27EA\\u276C\\u276E\\u02C2\\u1438"
            + "\\u2039\\u300A\\u3014\\uFF5F\\u29FC]");
    private static final Pattern CLOSERS = Pattern.compile("[>\\u232A\\u3009\\u27E9\\u27EB\\u276D\\u276F\\u02C3\\u1433"
            + "\\u203A\\u300B\\u3015\\uFF60\\u29FD]");
    private static final Pattern TEMPLATE_TOKEN = Pattern.compile(
            "\\[\\s*(/?\\s*(?:INST|SYS|SYSTEM|USER|ASSISTANT|TOOL)\\s*)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern HASHES = Pattern.compile("#{2,}");
    /** Most characters one input character can become under NFKC (U+FDFA: 18). */
    private static final int NFKC_GROWTH = 18;

    private UntrustedText() {
    }

    /** {@code text} made safe for a fence and cut to {@code maxChars} ("…" marks a cut); "" for null. */
    public static String fenced(String text, int maxChars) {
        if (text == null || maxChars <= 0) {
            return "";
        }
        // cut before normalising too: a huge input should cost no more than what can survive the final cut
        String s = cut(text, maxChars * 4 + 16);
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        if (s.length() > (maxChars * 4 + 16) * NFKC_GROWTH) {
            s = cut(s, maxChars * 4 + 16);
        }
        s = FORMAT.matcher(s).replaceAll("");
        s = BREAKS.matcher(s).replaceAll(" ").strip();
        s = OPENERS.matcher(s).replaceAll("‹");
        s = CLOSERS.matcher(s).replaceAll("›");
        s = TEMPLATE_TOKEN.matcher(s).replaceAll("$1");
        s = HASHES.matcher(s).replaceAll("#");
        return cut(s, maxChars);
    }

    /** At most {@code maxChars} characters, never splitting a surrogate pair; a cut ends in "…". */
    static String cut(String s, int maxChars) {
        if (s.length() <= maxChars) {
            return s;
        }
        int end = Math.max(0, maxChars - 1);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end).stripTrailing() + "…";
    }
}
