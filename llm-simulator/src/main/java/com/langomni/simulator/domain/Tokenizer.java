package com.langomni.simulator.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic stand-in for a BPE tokenizer: one token per word and one per punctuation mark.
 * English text runs about 1.3 BPE tokens per word on Llama-3's tokenizer, so counts here are a little
 * low; what matters for the simulator is that equal text always gives equal tokens.
 */
public final class Tokenizer {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Tokenizer() {
    }

    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (Character.isWhitespace(cp)) {
                i += Character.charCount(cp);
            } else if (isWordChar(cp)) {
                int start = i;
                while (i < n && isWordChar(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                tokens.add(text.substring(start, i));
            } else {
                tokens.add(text.substring(i, i + Character.charCount(cp)));
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }

    /** A stable 64-bit id for a token (FNV-1a over its UTF-16 units). */
    public static long id(String token) {
        long h = FNV_OFFSET;
        for (int i = 0; i < token.length(); i++) {
            h ^= token.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    public static void appendIds(String text, TokenBuffer out) {
        for (String token : tokenize(text)) {
            out.add(id(token));
        }
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_';
    }
}
