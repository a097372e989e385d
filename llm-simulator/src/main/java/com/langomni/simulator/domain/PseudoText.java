package com.langomni.simulator.domain;

import java.util.SplittableRandom;

/**
 * Deterministic filler prose: plain words with the odd comma and full stop. Every piece is exactly one
 * token for {@link Tokenizer} (a word with its leading space, or a punctuation mark), so the text a
 * client reassembles re-tokenizes to the reported completion_tokens.
 */
public final class PseudoText {
    private static final String[] WORDS = {
        "the", "old", "gate", "stone", "road", "river", "lantern", "mist", "tower", "market", "bell", "wind",
        "shadow", "light", "door", "hall", "fire", "ash", "iron", "silver", "crow", "wolf", "horse", "cart",
        "guard", "merchant", "smith", "priest", "child", "stranger", "traveller", "village", "forest", "hill",
        "bridge", "well", "tavern", "cellar", "stair", "window", "roof", "wall", "path", "field", "cloud", "rain",
        "snow", "moon", "sun", "star", "night", "morning", "evening", "song", "voice", "whisper", "echo", "step",
        "hand", "eye", "face", "cloak", "blade", "shield", "coin", "key", "map", "letter", "book", "candle",
        "smoke", "dust", "water", "bread", "wine", "salt", "rope", "chain", "lock", "chest", "banner", "drum",
        "slowly", "quietly", "suddenly", "again", "still", "almost", "never", "always", "here", "there", "far",
        "near", "under", "over", "beyond", "through", "across", "along", "behind", "before", "within", "without",
        "and", "but", "while", "as", "when", "where", "of", "to", "in", "on", "with", "from", "a", "its", "their",
        "is", "was", "seems", "waits", "rises", "falls", "turns", "opens", "closes", "creaks", "glows", "fades",
        "burns", "sings", "watches", "listens", "remembers", "carries", "hides", "finds", "grey", "cold", "warm",
        "quiet", "bright", "dark", "narrow", "wide", "heavy", "thin", "ancient", "broken", "hidden", "distant"
    };

    private final SplittableRandom random;
    private boolean sentenceStart = true;
    private boolean first = true;
    private boolean lastWasPunctuation;

    public PseudoText(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** How long the answer would run before the model "chose" to stop: mean × [0.5, 1.5). */
    public static int naturalLength(long seed, int meanTokens) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        return Math.max(1, (int) Math.round(meanTokens * (0.5 + r.nextDouble())));
    }

    public String next() {
        if (!first && !lastWasPunctuation) {
            int roll = random.nextInt(100);
            if (roll < 8) {
                return punctuation(".");
            }
            if (roll < 16) {
                return punctuation(",");
            }
        }
        String word = WORDS[random.nextInt(WORDS.length)];
        if (sentenceStart) {
            word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        String piece = first ? word : " " + word;
        first = false;
        sentenceStart = false;
        lastWasPunctuation = false;
        return piece;
    }

    private String punctuation(String mark) {
        lastWasPunctuation = true;
        sentenceStart = ".".equals(mark);
        return mark;
    }
}
