package com.langomni.simulator.domain;

/**
 * Identifies each full KV block by a hash of its tokens chained with the hash of the block before it,
 * as vLLM's prefix caching does: two prompts share block i only if they share every token up to it.
 */
public final class BlockHasher {
    private static final long ROOT = 0x9E3779B97F4A7C15L;

    private BlockHasher() {
    }

    /** Hashes of the first {@code length / blockSize} full blocks of {@code tokens}. */
    public static long[] fullBlockHashes(long[] tokens, int length, int blockSize) {
        long[] hashes = new long[length / blockSize];
        long parent = ROOT;
        for (int b = 0; b < hashes.length; b++) {
            long h = parent;
            for (int i = b * blockSize; i < (b + 1) * blockSize; i++) {
                h = mix(h ^ tokens[i]);
            }
            hashes[b] = h;
            parent = h;
        }
        return hashes;
    }

    /** SplitMix64 finaliser: cheap and well distributed. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
