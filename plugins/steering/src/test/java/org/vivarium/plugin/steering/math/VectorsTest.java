package org.vivarium.plugin.steering.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VectorsTest {
    @Test
    void basicArithmetic() {
        float[] a = {3, 4};
        assertEquals(5, Vectors.norm(a), 1e-12);
        assertEquals(11, Vectors.dot(a, new float[] {1, 2}), 1e-12);
        assertArrayEquals(new float[] {2, 2}, Vectors.subtract(a, new float[] {1, 2}));
        assertArrayEquals(new float[] {0.6f, 0.8f}, Vectors.unit(a), 1e-7f);
        assertArrayEquals(new float[] {2, 3}, Vectors.mean(new float[][] {{1, 2}, {3, 4}}));
        assertArrayEquals(new double[] {5, -5}, Vectors.project(new float[][] {a, {-3, -4}}, new float[] {6, 8}), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> Vectors.dot(a, new float[3]));
    }

    @Test
    void randomDirectionsMatchTheNormAndRepeatBySeed() {
        float[] ref = {3, 4, 0, 0, 0, 0};
        float[] r1 = RandomDirection.like(ref, 5);
        assertEquals(5, Vectors.norm(r1), 1e-5);
        assertArrayEquals(r1, RandomDirection.like(ref, 5));
        assertNotEquals(Vectors.dot(r1, RandomDirection.like(ref, 6)), Vectors.dot(r1, r1), 1e-3);
    }
}
