package org.vivarium.plugin.sae.math;

/**
 * A sparse autoencoder: {@code f = sparsify(W_enc^T (x - b_dec) + b_enc)}, {@code x_hat = W_dec^T f + b_dec}.
 * Encoding returns only the active latents (index, value) so decoding and gradients cost O(L0 d_in).
 *
 * <pre>{@code
 * SparseAutoencoder sae = new SparseAutoencoder(SaeWeights.init(128, 1024, 1), SaeKind.TOPK, 32);
 * SparseAutoencoder.Scratch s = sae.scratch();
 * int active = sae.encode(x, s);              // s.idx[0..active), s.val[0..active)
 * sae.decode(s.idx, s.val, active, xHat);
 * }</pre>
 *
 * <p>Training computes a whole batch's pre-activations with one BLAS product and calls {@link #sparsify} per row.
 * Encoding and decoding only read the weights, so one instance can serve several threads, each with
 * its own {@link Scratch}.
 */
public final class SparseAutoencoder {
    private final SaeWeights weights;
    private final SaeKind kind;
    private final int k;

    /**
     * @param weights the parameters (shared, live)
     * @param kind ReLU or TopK
     * @param k active latents per token for TopK (ignored for ReLU)
     * @throws IllegalArgumentException if a TopK k is outside {@code [1, latents]}
     */
    public SparseAutoencoder(SaeWeights weights, SaeKind kind, int k) {
        if (kind == SaeKind.TOPK && (k < 1 || k > weights.latents())) {
            throw new IllegalArgumentException("TopK k=" + k + " must be in [1, " + weights.latents() + "]");
        }
        this.weights = weights;
        this.kind = kind;
        this.k = k;
    }

    /** Per-thread buffers for {@link #encode}. */
    public static final class Scratch {
        /** Pre-activations of every latent, {@code [latents]}. */
        public final float[] pre;
        /** Indices of the active latents, ascending. */
        public final int[] idx;
        /** Values of the active latents. */
        public final float[] val;
        private final TopK topK;

        Scratch(int latents, int k) {
            pre = new float[latents];
            idx = new int[latents];
            val = new float[latents];
            topK = new TopK(latents, Math.max(1, Math.min(k, latents)));
        }
    }

    /** @return fresh buffers for one thread */
    public Scratch scratch() {
        return new Scratch(weights.latents(), k);
    }

    /** @return the parameters (live) */
    public SaeWeights weights() {
        return weights;
    }

    /** @return the sparsity mechanism */
    public SaeKind kind() {
        return kind;
    }

    /** @return TopK's k (meaningless for ReLU) */
    public int k() {
        return k;
    }

    /**
     * Computes every latent's pre-activation {@code W_enc^T (x - b_dec) + b_enc} into {@code s.pre}.
     *
     * @param x the input row, {@code d_in}
     * @param s the scratch buffers
     */
    public void preActivations(float[] x, Scratch s) {
        float[] pre = s.pre;
        System.arraycopy(weights.bEnc(), 0, pre, 0, pre.length);
        float[] bDec = weights.bDec();
        float[][] wEnc = weights.wEnc();
        for (int j = 0; j < bDec.length; j++) {
            float c = x[j] - bDec[j];
            if (c != 0) {
                Vec.axpy(c, wEnc[j], pre);
            }
        }
    }

    /**
     * Encodes one row.
     *
     * @param x the input row, {@code d_in}
     * @param s receives the pre-activations and the active latents
     * @return the number of active latents (L0 of this row)
     */
    public int encode(float[] x, Scratch s) {
        preActivations(x, s);
        return sparsify(s);
    }

    /**
     * Applies the sparsity mechanism to pre-activations already in {@code s.pre} (computed elsewhere, e.g. for a
     * whole batch by one matrix product).
     *
     * @param s holds the pre-activations; receives the active latents
     * @return the number of active latents (L0 of this row)
     */
    public int sparsify(Scratch s) {
        return sparsify(s.pre, 0, s);
    }

    /**
     * Applies the sparsity mechanism to the {@code latents} pre-activations of {@code pre} from {@code offset} on (one
     * row of a row-major batch product), without copying them.
     *
     * @param pre holds the pre-activations
     * @param offset where the row starts
     * @param s receives the active latents
     * @return the number of active latents (L0 of this row)
     */
    public int sparsify(float[] pre, int offset, Scratch s) {
        if (kind == SaeKind.TOPK) {
            return s.topK.select(pre, offset, s.idx, s.val);
        }
        int latents = s.pre.length;
        int n = 0;
        for (int i = 0; i < latents; i++) {
            float v = pre[offset + i];
            if (v > 0) {
                s.idx[n] = i;
                s.val[n++] = v;
            }
        }
        return n;
    }

    /**
     * Decodes active latents: {@code out = b_dec + sum val[j] W_dec[idx[j]]}.
     *
     * @param idx active latent indices
     * @param val their values
     * @param count how many are active
     * @param out receives the reconstruction, {@code d_in}
     */
    public void decode(int[] idx, float[] val, int count, float[] out) {
        System.arraycopy(weights.bDec(), 0, out, 0, out.length);
        float[][] wDec = weights.wDec();
        for (int j = 0; j < count; j++) {
            Vec.axpy(val[j], wDec[idx[j]], out);
        }
    }
}
