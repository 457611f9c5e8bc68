package org.vivarium.plugin.sae.math;

/**
 * Selects the k largest entries of a vector by partial selection (no sort, no heap). Consecutive rows have similar
 * pre-activation scales, so each call first gathers only the entries above a threshold carried over from the
 * previous row (a little below its k-th value), in index order; if fewer than k entries pass, it takes the whole row.
 * A quickselect on a copy of the gathered values finds the k-th largest value, and one more pass over the gathered
 * entries, in index order, keeps those above it plus as many equal to it as are still needed (lowest indices first),
 * so the kept indices come out ascending without sorting. Either way the result is exactly the top k (a threshold
 * passed by at least k entries lies below the k-th value), so it does not depend on the rows seen before. One
 * instance per thread.
 */
public final class TopK {
    private final int n;
    private final int k;
    private final int[] candidates;
    private final float[] values;
    private final float[] work;
    private float threshold = Float.NEGATIVE_INFINITY;

    /**
     * @param n the vector length
     * @param k how many to keep, {@code 1..n}
     */
    public TopK(int n, int k) {
        this.n = n;
        this.k = k;
        this.candidates = new int[n];
        this.values = new float[n];
        this.work = new float[n];
    }

    /**
     * Writes the indices and values of the {@code k} largest positive entries of {@code pre}, indices in
     * ascending order. Ties go to the lower index.
     *
     * @param pre the pre-activations, {@code n} long
     * @param idx receives the indices, at least {@code k} long
     * @param val receives the values, at least {@code k} long
     * @return how many were kept ({@code k}, fewer if fewer entries are positive)
     */
    public int select(float[] pre, int[] idx, float[] val) {
        return select(pre, 0, idx, val);
    }

    /**
     * Like {@link #select(float[], int[], float[])} on the {@code n} entries of {@code pre} from {@code offset} on
     * (one row of a row-major batch); indices are relative to {@code offset}.
     *
     * @param pre holds the pre-activations
     * @param offset where the row starts
     * @param idx receives the indices, at least {@code k} long
     * @param val receives the values, at least {@code k} long
     * @return how many were kept
     */
    public int select(float[] pre, int offset, int[] idx, float[] val) {
        int c = gather(pre, offset, threshold);
        if (c < k) {
            for (int i = 0; i < n; i++) {
                candidates[i] = i;
                values[i] = pre[offset + i];
            }
            c = n;
        }
        System.arraycopy(values, 0, work, 0, c);
        float kth = kthLargest(work, c, k - 1);
        int above = 0;
        for (int j = 0; j < c; j++) {
            above += values[j] > kth ? 1 : 0;
        }
        int ties = k - above;
        threshold = kth - 0.25f * Math.abs(kth) - 1e-6f;
        int kept = 0;
        for (int j = 0; j < c; j++) {
            float v = values[j];
            boolean take = v > kth;
            if (!take && v == kth && ties > 0) {
                ties--;
                take = true;
            }
            if (take && v > 0) {
                idx[kept] = candidates[j];
                val[kept++] = v;
            }
        }
        return kept;
    }

    /** Gathers, in index order, the entries above {@code t}. */
    private int gather(float[] pre, int offset, float t) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            float v = pre[offset + i];
            if (v > t) {
                candidates[c] = i;
                values[c++] = v;
            }
        }
        return c;
    }

    /**
     * Rearranges {@code a[0..size)} and returns the value that would sit at position {@code rank} if it were sorted
     * in descending order (Hoare quickselect, median-of-three pivots).
     */
    private static float kthLargest(float[] a, int size, int rank) {
        int lo = 0;
        int hi = size - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] > a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] > a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] > a[mid]) {
                swap(a, hi, mid);
            }
            float pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] > pivot) {
                    i++;
                }
                while (a[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            if (rank <= j) {
                hi = j;
            } else if (rank >= i) {
                lo = i;
            } else {
                return a[rank];
            }
        }
        return a[rank];
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
