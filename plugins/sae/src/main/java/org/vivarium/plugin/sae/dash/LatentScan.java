package org.vivarium.plugin.sae.dash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vivarium.api.context.TopPositions;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.sae.data.RowSource;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.math.Workers;

/**
 * Streams a hook's cached rows through an SAE, in chunks encoded in parallel. The first pass
 * ({@link #statistics}) counts how often each latent fires, sums and maximises its activations and keeps
 * its top activations; the second ({@link #histograms}) bins each latent's non-zero activations over
 * {@code (0, max]} and records the latent's activation on every token of its top-context windows.
 */
final class LatentScan {
    private static final int CHUNK = 1024;

    private final SparseAutoencoder sae;
    private final Workers workers;
    private final int latents;

    long rows;
    final long[] counts;
    final double[] sums;
    final float[] max;
    TopPositions top;
    long[][] histogram;

    LatentScan(SparseAutoencoder sae, Workers workers) {
        this.sae = sae;
        this.workers = workers;
        this.latents = sae.weights().latents();
        counts = new long[latents];
        sums = new double[latents];
        max = new float[latents];
    }

    /** Rows of one chunk with their (sequence, position). */
    private static final class Chunk {
        final float[][] x;
        final int[] seq;
        final int[] pos;
        int size;

        Chunk(int width) {
            x = new float[CHUNK][width];
            seq = new int[CHUNK];
            pos = new int[CHUNK];
        }

        boolean fill(RowSource src) {
            size = 0;
            while (size < CHUNK && src.next(x[size])) {
                seq[size] = src.seq();
                pos[size] = src.pos();
                size++;
            }
            return size > 0;
        }
    }

    /** The per-row work of one pass. */
    private interface RowTask {
        void row(int part, int seq, int pos, SparseAutoencoder.Scratch s, int active);
    }

    private void pass(RowSource src, Progress progress, RowTask task) {
        int parts = workers.threads();
        SparseAutoencoder.Scratch[] scratch = new SparseAutoencoder.Scratch[parts];
        for (int p = 0; p < parts; p++) {
            scratch[p] = sae.scratch();
        }
        Chunk chunk = new Chunk(sae.weights().dIn());
        while (chunk.fill(src)) {
            int n = chunk.size;
            workers.run(parts, p -> {
                SparseAutoencoder.Scratch s = scratch[p];
                for (int r = Workers.split(n, parts, p); r < Workers.split(n, parts, p + 1); r++) {
                    int active = sae.encode(chunk.x[r], s);
                    task.row(p, chunk.seq[r], chunk.pos[r], s, active);
                }
            });
            progress.advance(n);
        }
        src.restart();
    }

    /**
     * First pass: counts, sums, maxima and the top {@code k} activations of every latent.
     *
     * @param src the rows (restarted afterwards)
     * @param k contexts kept per latent
     * @param progress advanced in rows
     */
    void statistics(RowSource src, int k, Progress progress) {
        int parts = workers.threads();
        long[][] c = new long[parts][latents];
        double[][] s = new double[parts][latents];
        float[][] m = new float[parts][latents];
        TopPositions[] t = new TopPositions[parts];
        long[] seen = new long[parts];
        for (int p = 0; p < parts; p++) {
            t[p] = new TopPositions(latents, k);
        }
        pass(src, progress, (p, seq, pos, sc, active) -> {
            seen[p]++;
            for (int a = 0; a < active; a++) {
                int i = sc.idx[a];
                float v = sc.val[a];
                c[p][i]++;
                s[p][i] += v;
                if (v > m[p][i]) {
                    m[p][i] = v;
                }
                t[p].offer(i, seq, pos, v);
            }
        });
        top = t[0];
        for (int p = 0; p < parts; p++) {
            rows += seen[p];
            for (int i = 0; i < latents; i++) {
                counts[i] += c[p][i];
                sums[i] += s[p][i];
                max[i] = Math.max(max[i], m[p][i]);
            }
            if (p > 0) {
                top.mergeFrom(t[p]);
            }
        }
    }

    /**
     * Second pass: histograms over {@code (0, max]} and the activations inside the requested windows.
     *
     * @param src the rows (restarted afterwards)
     * @param bins histogram bins
     * @param windows the windows to fill
     * @param progress advanced in rows
     */
    void histograms(RowSource src, int bins, Windows windows, Progress progress) {
        int parts = workers.threads();
        long[][][] h = new long[parts][latents][bins];
        float[][] dense = new float[parts][latents];
        pass(src, progress, (p, seq, pos, sc, active) -> {
            float[] f = dense[p];
            for (int a = 0; a < active; a++) {
                int i = sc.idx[a];
                float v = sc.val[a];
                f[i] = v;
                if (max[i] > 0) {
                    h[p][i][Math.min(bins - 1, (int) (v / max[i] * bins))]++;
                }
            }
            windows.record(seq, pos, f);
            for (int a = 0; a < active; a++) {
                f[sc.idx[a]] = 0;
            }
        });
        histogram = h[0];
        for (int p = 1; p < parts; p++) {
            for (int i = 0; i < latents; i++) {
                for (int b = 0; b < bins; b++) {
                    histogram[i][b] += h[p][i][b];
                }
            }
        }
    }

    /**
     * The token windows around each latent's top contexts, and the latent's activation at every token of
     * them (filled by the second pass; each slot is written by exactly one row, so parts never collide).
     */
    static final class Windows {
        private final List<List<int[]>> bySeq;
        final float[][][] acts;

        /**
         * @param latents latents
         * @param sequences sequences in the run
         */
        Windows(int latents, int sequences) {
            bySeq = new ArrayList<>(sequences);
            for (int s = 0; s < sequences; s++) {
                bySeq.add(new ArrayList<>(0));
            }
            acts = new float[latents][][];
        }

        void request(int latent, int contexts) {
            acts[latent] = new float[contexts][];
        }

        void request(int latent, int context, int seq, int from, int to) {
            acts[latent][context] = new float[to - from];
            if (seq >= 0 && seq < bySeq.size()) {
                bySeq.get(seq).add(new int[] {latent, context, from, to});
            }
        }

        void record(int seq, int pos, float[] dense) {
            if (seq < 0 || seq >= bySeq.size()) {
                return;
            }
            for (int[] w : bySeq.get(seq)) {
                if (pos >= w[2] && pos < w[3]) {
                    acts[w[0]][w[1]][pos - w[2]] = dense[w[0]];
                }
            }
        }

        /**
         * Returns the activations of one window.
         *
         * @param latent the latent
         * @param context the context rank
         * @return the latent's activation per window token
         */
        float[] window(int latent, int context) {
            float[][] a = acts[latent];
            return a == null || a[context] == null ? new float[0] : Arrays.copyOf(a[context], a[context].length);
        }
    }
}
