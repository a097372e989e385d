package com.langomni.words;

/**
 * Deterministic choice of template variants: the same seed always picks the same variants, so a retried
 * action reads the same while different actions read differently. {@link String#hashCode()} would do too,
 * but its 32 bits cluster badly for short ids; FNV-1a plus a SplitMix finaliser spreads them.
 */
public final class Seed {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Seed() {
    }

    /** A seed from the given parts; nulls count as empty. */
    public static long of(String... parts) {
        long h = FNV_OFFSET;
        for (String part : parts) {
            String p = part == null ? "" : part;
            for (int i = 0; i < p.length(); i++) {
                h ^= p.charAt(i);
                h *= FNV_PRIME;
            }
            h ^= 0x1f; // part separator, so ("ab","c") and ("a","bc") differ
            h *= FNV_PRIME;
        }
        return h;
    }

    /** An index in [0, bound) for one slot; {@code salt} makes slots of one narration vary independently. */
    public static int pick(long seed, int salt, int bound) {
        long z = seed + (salt + 1) * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z ^= z >>> 31;
        return (int) Math.floorMod(z, (long) bound);
    }
}
