package com.langomni.memory.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VectorsTest {

    @Test
    void normaliseGivesUnitLength() {
        float[] unit = Vectors.normalize(new float[] {3, 4});
        assertArrayEquals(new float[] {0.6f, 0.8f}, unit, 1e-6f);
        assertEquals(1.0, Vectors.dot(unit, unit), 1e-6);
        assertArrayEquals(new float[] {0, 0}, Vectors.normalize(new float[] {0, 0}));
    }

    @Test
    void cosineIgnoresLength() {
        assertEquals(1.0, Vectors.cosine(new float[] {1, 1}, new float[] {5, 5}), 1e-9);
        assertEquals(0.0, Vectors.cosine(new float[] {1, 0}, new float[] {0, 2}), 1e-9);
        assertEquals(-1.0, Vectors.cosine(new float[] {1, 0}, new float[] {-3, 0}), 1e-9);
        assertEquals(0.0, Vectors.cosine(new float[] {0, 0}, new float[] {1, 0}), 1e-9);
    }

    @Test
    void dimensionsMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> Vectors.dot(new float[] {1}, new float[] {1, 2}));
    }
}
