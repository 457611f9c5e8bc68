package org.vivarium.plugin.sae.dash;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code k} strongest (sequence, position) activations of every latent, each kept in a bounded
 * min-heap. Entries are totally ordered (larger activation first, then lower sequence, then lower
 * position), so the result does not depend on the order rows were offered in or on how work was split.
 */
final class TopActivations {
    /** One kept activation. */
    record Entry(int seq, int pos, float activation) {
    }

    private final int k;
    private final float[][] act;
    private final int[][] seq;
    private final int[][] pos;
    private final int[] size;

    TopActivations(int latents, int k) {
        this.k = k;
        act = new float[latents][k];
        seq = new int[latents][k];
        pos = new int[latents][k];
        size = new int[latents];
    }

    /** True if (a1, s1, p1) ranks below (a2, s2, p2). */
    private static boolean worse(float a1, int s1, int p1, float a2, int s2, int p2) {
        if (a1 != a2) {
            return a1 < a2;
        }
        return s1 != s2 ? s1 > s2 : p1 > p2;
    }

    void offer(int latent, int s, int p, float a) {
        float[] av = act[latent];
        int[] sv = seq[latent];
        int[] pv = pos[latent];
        int n = size[latent];
        if (n < k) {
            int i = n;
            size[latent] = n + 1;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!worse(a, s, p, av[parent], sv[parent], pv[parent])) {
                    break;
                }
                av[i] = av[parent];
                sv[i] = sv[parent];
                pv[i] = pv[parent];
                i = parent;
            }
            av[i] = a;
            sv[i] = s;
            pv[i] = p;
            return;
        }
        if (!worse(av[0], sv[0], pv[0], a, s, p)) {
            return;
        }
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= n) {
                break;
            }
            int m = l + 1 < n && worse(av[l + 1], sv[l + 1], pv[l + 1], av[l], sv[l], pv[l]) ? l + 1 : l;
            if (!worse(av[m], sv[m], pv[m], a, s, p)) {
                break;
            }
            av[i] = av[m];
            sv[i] = sv[m];
            pv[i] = pv[m];
            i = m;
        }
        av[i] = a;
        sv[i] = s;
        pv[i] = p;
    }

    void mergeFrom(TopActivations other) {
        for (int latent = 0; latent < size.length; latent++) {
            for (int j = 0; j < other.size[latent]; j++) {
                offer(latent, other.seq[latent][j], other.pos[latent][j], other.act[latent][j]);
            }
        }
    }

    /**
     * Returns a latent's kept activations, best first.
     *
     * @param latent the latent
     * @return the entries
     */
    List<Entry> best(int latent) {
        List<Entry> out = new ArrayList<>(size[latent]);
        for (int j = 0; j < size[latent]; j++) {
            out.add(new Entry(seq[latent][j], pos[latent][j], act[latent][j]));
        }
        out.sort((x, y) -> worse(x.activation(), x.seq(), x.pos(), y.activation(), y.seq(), y.pos()) ? 1
                : worse(y.activation(), y.seq(), y.pos(), x.activation(), x.seq(), x.pos()) ? -1 : 0);
        return out;
    }
}
