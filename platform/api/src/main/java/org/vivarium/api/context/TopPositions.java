package org.vivarium.api.context;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code k} strongest (sequence, position) activations of each of many features, each kept in a bounded
 * min-heap of primitive arrays (no allocation per offer, so it keeps up with scans of millions of rows). Firings
 * are totally ordered ({@link Firing#ranksAbove}: larger activation, then lower sequence, then lower position), so
 * the result does not depend on the order positions are offered in or on how a scan was split across threads;
 * non-finite activations are never kept.
 *
 * <pre>{@code
 * TopPositions top = new TopPositions(latents, 20);
 * top.offer(latent, seq, pos, value);           // for every row and latent that fired
 * top.mergeFrom(otherThreadsTop);               // combine per-thread results
 * List<Firing> best = top.best(latent);         // strongest first, at most 20
 * }</pre>
 *
 * <p>Not thread-safe: use one per thread and merge.
 */
public final class TopPositions {
    private final int k;
    private final float[][] act;
    private final int[][] seq;
    private final int[][] pos;
    private final int[] size;

    /**
     * Creates empty heaps.
     *
     * @param features how many features
     * @param k firings kept per feature, at least 1
     * @throws IllegalArgumentException if {@code features < 0} or {@code k < 1}
     */
    public TopPositions(int features, int k) {
        if (features < 0 || k < 1) {
            throw new IllegalArgumentException("need features >= 0 and k >= 1, got " + features + " and " + k);
        }
        this.k = k;
        act = new float[features][k];
        seq = new int[features][k];
        pos = new int[features][k];
        size = new int[features];
    }

    /** True if (a1, s1, p1) ranks above (a2, s2, p2). */
    static boolean above(float a1, int s1, int p1, float a2, int s2, int p2) {
        if (a1 != a2) {
            return a1 > a2;
        }
        return s1 != s2 ? s1 < s2 : p1 < p2;
    }

    /**
     * Returns the number of features.
     *
     * @return the feature count
     */
    public int features() {
        return size.length;
    }

    /**
     * Offers one firing; it is kept if it is among the feature's best {@code k} so far.
     *
     * @param feature the feature
     * @param s the sequence
     * @param p the position
     * @param a the activation; NaN and infinities are ignored
     */
    public void offer(int feature, int s, int p, float a) {
        if (!Float.isFinite(a)) {
            return;
        }
        float[] av = act[feature];
        int[] sv = seq[feature];
        int[] pv = pos[feature];
        int n = size[feature];
        if (n < k) {
            int i = n;
            size[feature] = n + 1;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!above(av[parent], sv[parent], pv[parent], a, s, p)) {
                    break;
                }
                move(feature, parent, i);
                i = parent;
            }
            put(feature, i, a, s, p);
            return;
        }
        if (!above(a, s, p, av[0], sv[0], pv[0])) {
            return;
        }
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= n) {
                break;
            }
            int m = l + 1 < n && above(av[l], sv[l], pv[l], av[l + 1], sv[l + 1], pv[l + 1]) ? l + 1 : l;
            if (!above(a, s, p, av[m], sv[m], pv[m])) {
                break;
            }
            move(feature, m, i);
            i = m;
        }
        put(feature, i, a, s, p);
    }

    /** Moves heap slot {@code from} of a feature to slot {@code to}. */
    private void move(int feature, int from, int to) {
        put(feature, to, act[feature][from], seq[feature][from], pos[feature][from]);
    }

    private void put(int feature, int slot, float a, int s, int p) {
        act[feature][slot] = a;
        seq[feature][slot] = s;
        pos[feature][slot] = p;
    }

    /**
     * Offers every firing another instance kept (e.g. another thread's share of a scan).
     *
     * @param other heaps over the same features
     * @throws IllegalArgumentException if the feature counts differ
     */
    public void mergeFrom(TopPositions other) {
        if (other.size.length != size.length) {
            throw new IllegalArgumentException("cannot merge top positions of " + other.size.length + " features into "
                    + size.length);
        }
        for (int f = 0; f < size.length; f++) {
            for (int j = 0; j < other.size[f]; j++) {
                offer(f, other.seq[f][j], other.pos[f][j], other.act[f][j]);
            }
        }
    }

    /**
     * Returns a feature's kept firings, strongest first.
     *
     * @param feature the feature
     * @return at most {@code k} firings
     */
    public List<Firing> best(int feature) {
        List<Firing> out = new ArrayList<>(size[feature]);
        for (int j = 0; j < size[feature]; j++) {
            out.add(new Firing(seq[feature][j], pos[feature][j], act[feature][j]));
        }
        out.sort((x, y) -> x.ranksAbove(y) ? -1 : y.ranksAbove(x) ? 1 : 0);
        return out;
    }
}
