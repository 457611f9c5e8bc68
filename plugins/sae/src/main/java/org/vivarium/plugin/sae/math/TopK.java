package org.vivarium.plugin.sae.math;

import java.util.Arrays;

/**
 * Selects the k largest positive entries of a vector by partial selection (no sort, no heap). Entries that are not
 * positive are never kept, so only positive entries are gathered, in index order: first those above a threshold
 * carried over from the previous row (consecutive rows have similar pre-activation scales; the threshold lies a
 * quarter below that row's k-th value), and if fewer than k pass, all positive ones. If no more than k were gathered
 * they are the answer; otherwise a radix selection on their bit patterns finds the k-th largest, and one more pass in
 * index order keeps those above it plus as many equal to it as are still needed (lowest indices first), so the kept
 * indices come out ascending without sorting. A threshold passed by at least k entries lies below the k-th value, so
 * the result is exactly the top k whatever rows came before. One instance per thread.
 */
public final class TopK {
    /** How far below the last row's k-th value the next threshold lies, as a fraction of it. */
    private static final float MARGIN = 0.25f;
    /** Radix selection's bits per level. */
    private static final int BUCKET_BITS = 8;
    private final int n;
    private final int k;
    private final int[] candidates;
    private final float[] values;
    private final int[] work;
    private final int[] histogram = new int[1 << BUCKET_BITS];
    private float threshold;

    /**
     * @param n the vector length
     * @param k how many to keep, {@code 1..n}
     */
    public TopK(int n, int k) {
        this.n = n;
        this.k = k;
        this.candidates = new int[n];
        this.values = new float[n];
        this.work = new int[n];
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
        int c = gather(pre, offset, Math.max(0f, threshold));
        if (c < k && threshold > 0) {
            c = gather(pre, offset, 0f);
        }
        if (c <= k) {
            System.arraycopy(candidates, 0, idx, 0, c);
            System.arraycopy(values, 0, val, 0, c);
            threshold = 0f;
            return c;
        }
        float kth = kthLargest(values, c, k - 1);
        int above = 0;
        for (int j = 0; j < c; j++) {
            above += values[j] > kth ? 1 : 0;
        }
        int ties = k - above;
        threshold = kth - MARGIN * kth;
        int kept = 0;
        for (int j = 0; j < c; j++) {
            float v = values[j];
            if (v > kth || (v == kth && ties-- > 0)) {
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
     * The value at position {@code rank} (0-based, descending) among the positive values {@code v[0..size)}: a radix
     * selection on their bit patterns (which order positive floats like their values), 256 buckets per level over
     * the range still in play, keeping only the bucket that holds the rank. Branch-free counting and filtering, so it
     * does not suffer the mispredictions a comparison-based quickselect takes on unordered data.
     */
    private float kthLargest(float[] v, int size, int rank) {
        int[] keys = work;
        int lo = Integer.MAX_VALUE;
        int hi = 0;
        for (int j = 0; j < size; j++) {
            int b = Float.floatToRawIntBits(v[j]);
            keys[j] = b;
            lo = Math.min(lo, b);
            hi = Math.max(hi, b);
        }
        int need = rank;
        int m = size;
        while (hi != lo) {
            int shift = Math.max(0, 32 - Integer.numberOfLeadingZeros(hi - lo) - BUCKET_BITS);
            Arrays.fill(histogram, 0);
            for (int j = 0; j < m; j++) {
                histogram[(keys[j] - lo) >>> shift]++;
            }
            int bucket = (hi - lo) >>> shift;
            while (histogram[bucket] <= need) {
                need -= histogram[bucket--];
            }
            int kept = 0;
            int newLo = Integer.MAX_VALUE;
            int newHi = 0;
            for (int j = 0; j < m; j++) {
                int key = keys[j];
                keys[kept] = key;
                boolean in = (key - lo) >>> shift == bucket;
                kept += in ? 1 : 0;
                newLo = in ? Math.min(newLo, key) : newLo;
                newHi = in ? Math.max(newHi, key) : newHi;
            }
            m = kept;
            lo = newLo;
            hi = newHi;
        }
        return Float.intBitsToFloat(lo);
    }
}
