package com.langomni.orchestrator.moderation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds the trivial disguises of a word away before it is matched: compatibility forms (fullwidth letters, ligatures,
 * circled and mathematical letters) become plain ones (NFKC), invisible format characters (zero-width spaces and
 * joiners, soft hyphens, direction marks) and accents go, look-alike digits and symbols read as letters ("!" and "|"
 * do not: they end or split sentences), and everything that is not a letter or a digit becomes one space. Plain
 * Java: no I/O.
 */
final class TextNormalizer {

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Mn}\\p{Me}]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private TextNormalizer() {
    }

    /** Lower-case words separated by single spaces, with one space before the first and after the last. */
    static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return " ";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        folded = Normalizer.normalize(folded, Normalizer.Form.NFD);
        folded = INVISIBLE.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
        StringBuilder plain = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            plain.append(lookAlike(folded.charAt(i)));
        }
        return " " + NOT_WORD.matcher(plain).replaceAll(" ").strip() + " ";
    }

    private static char lookAlike(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
        };
    }
}
