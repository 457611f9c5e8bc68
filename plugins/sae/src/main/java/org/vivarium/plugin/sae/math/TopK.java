package org.vivarium.plugin.sae.math;

import java.util.Arrays;

/**
 * Selects the k largest entries of a vector with a bounded min-heap. Consecutive rows have similar
 * pre-activation scales, so each call first gathers only the entries above a threshold carried over from
 * the previous row (a little below its k-th value) and runs the heap over those; if fewer than k entries
 * pass, it falls back to the whole row. Either way the result is exactly the top k (a threshold passed by
 * at least k entries lies below the k-th value), so it does not depend on the rows seen before.
 * One instance per thread.
 */
public final class TopK {
    private final int k;
    private final int[] heap;
    private final int[] candidates;
    private float threshold = Float.NEGATIVE_INFINITY;

    /**
     * @param n the vector length
     * @param k how many to keep, {@code 1..n}
     */
    public TopK(int n, int k) {
        this.k = k;
        this.heap = new int[k];
        this.candidates = new int[n];
    }

    /**
     * Writes the indices and values of the {@code k} largest positive entries of {@code pre}, indices in
     * ascending order. Ties go to the lower index.
     *
     * @param pre the pre-activations
     * @param idx receives the indices, at least {@code k} long
     * @param val receives the values, at least {@code k} long
     * @return how many were kept ({@code k}, fewer if fewer entries are positive)
     */
    public int select(float[] pre, int[] idx, float[] val) {
        int c = 0;
        float t = threshold;
        for (int i = 0; i < pre.length; i++) {
            if (pre[i] > t) {
                candidates[c++] = i;
            }
        }
        if (c < k) {
            c = pre.length;
            for (int i = 0; i < c; i++) {
                candidates[i] = i;
            }
        }
        int size = 0;
        for (int j = 0; j < c; j++) {
            int i = candidates[j];
            if (size < k) {
                heap[size] = i;
                siftUp(pre, heap, size++);
            } else if (pre[i] > pre[heap[0]]) {
                heap[0] = i;
                siftDown(pre, heap, size);
            }
        }
        float kth = pre[heap[0]];
        threshold = size < k ? Float.NEGATIVE_INFINITY : kth - 0.25f * Math.abs(kth) - 1e-6f;
        Arrays.sort(heap, 0, size);
        int n = 0;
        for (int j = 0; j < size; j++) {
            float v = pre[heap[j]];
            if (v > 0) {
                idx[n] = heap[j];
                val[n++] = v;
            }
        }
        return n;
    }

    /** Heap order: smaller value first; for equal values the higher index is "smaller" (evicted first). */
    private static boolean less(float[] pre, int a, int b) {
        return pre[a] < pre[b] || (pre[a] == pre[b] && a > b);
    }

    private static void siftUp(float[] pre, int[] h, int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(pre, h[i], h[parent])) {
                return;
            }
            int t = h[i];
            h[i] = h[parent];
            h[parent] = t;
            i = parent;
        }
    }

    private static void siftDown(float[] pre, int[] h, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int m = l + 1 < size && less(pre, h[l + 1], h[l]) ? l + 1 : l;
            if (!less(pre, h[m], h[i])) {
                return;
            }
            int t = h[i];
            h[i] = h[m];
            h[m] = t;
            i = m;
        }
    }
}
