package org.vivarium.plugin.sae.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {
    @Test
    void selectsTheKLargestPositiveEntriesLikeASortWithTiesToTheLowerIndex() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + r.nextInt(300);
            int k = 1 + r.nextInt(Math.min(n, 40));
            TopK topK = new TopK(n, k);
            for (int row = 0; row < 25; row++) {
                check(topK, row(r, n, row % 5 == 4 ? 0.01 : 1 + row % 3), k, trial + "/" + row);
            }
        }
    }

    /** Rows of varying scale, so the carried-over threshold sometimes admits too few entries. */
    private static float[] row(SplittableRandom r, int n, double scale) {
        float[] pre = new float[n];
        for (int i = 0; i < n; i++) {
            pre[i] = r.nextInt(5) == 0 ? (float) (0.5 * scale) : (float) (scale * r.nextDouble(-1, 1));
        }
        return pre;
    }

    private static void check(TopK topK, float[] pre, int k, String trial) {
        int n = pre.length;
        int[] idx = new int[n];
        float[] val = new float[n];
        int got = topK.select(pre, idx, val);
        int[] expected = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -pre[i]).thenComparingInt(i -> i)).limit(k)
                .filter(i -> pre[i] > 0).mapToInt(Integer::intValue).sorted().toArray();
        assertEquals(expected.length, got, "trial " + trial);
        assertArrayEquals(expected, Arrays.copyOf(idx, got), "trial " + trial);
        for (int j = 0; j < got; j++) {
            assertEquals(pre[idx[j]], val[j]);
        }
    }
}
