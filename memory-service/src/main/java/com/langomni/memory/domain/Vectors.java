package com.langomni.memory.domain;

/** Vector arithmetic for embeddings. Vectors are stored unit-length so that a dot product is the cosine. */
public final class Vectors {

    private Vectors() {
    }

    /**
     * The hot loop of every search (one call per stored memory of the owner). Four independent float
     * accumulators let the CPU overlap the additions, which a single ordered sum prevents; float precision
     * is ample for a cosine over a few hundred dimensions.
     */
    public static double dot(float[] a, float[] b) {
        int n = a.length;
        if (n != b.length) {
            throw new IllegalArgumentException("dimension mismatch: " + n + " vs " + b.length);
        }
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (int end = n & ~3; i < end; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** A unit-length copy of {@code v}; a zero vector stays zero (its cosine with anything is then 0). */
    public static float[] normalize(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    public static double cosine(float[] a, float[] b) {
        double na = Math.sqrt(dot(a, a));
        double nb = Math.sqrt(dot(b, b));
        return na == 0 || nb == 0 ? 0 : dot(a, b) / (na * nb);
    }
}
