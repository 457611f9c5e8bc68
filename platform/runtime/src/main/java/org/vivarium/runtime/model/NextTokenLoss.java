package org.vivarium.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/** Next-token cross-entropy on {@code [batch, pos, vocab]} logits. */
public final class NextTokenLoss {
    private NextTokenLoss() {
    }

    /**
     * Returns the negative log-likelihood of each next token.
     *
     * @param logits {@code [B, T, V]}
     * @param tokens {@code [B, T]} int64
     * @return {@code [B, T-1]} per-token losses
     */
    public static NDArray perToken(NDArray logits, NDArray tokens) {
        long t = tokens.getShape().get(1);
        NDArray logp = logits.get(new NDIndex(":, 0:{}, :", t - 1)).logSoftmax(-1);
        NDArray targets = tokens.get(new NDIndex(":, 1:")).expandDims(-1);
        return logp.gather(targets, -1).squeeze(-1).neg();
    }

    /**
     * Returns the mean loss over all predicted tokens (a scalar, differentiable).
     *
     * @param logits {@code [B, T, V]}
     * @param tokens {@code [B, T]} int64
     * @return scalar loss
     */
    public static NDArray mean(NDArray logits, NDArray tokens) {
        return perToken(logits, tokens).mean();
    }

    /**
     * Weighted mean loss: {@code sum(loss * mask) / sum(mask)}.
     *
     * @param logits {@code [B, T, V]}
     * @param tokens {@code [B, T]} int64
     * @param mask {@code [B, T-1]} weights
     * @return scalar loss
     */
    public static NDArray masked(NDArray logits, NDArray tokens, NDArray mask) {
        return perToken(logits, tokens).mul(mask).sum().div(mask.sum().maximum(1e-6f));
    }

    /**
     * Creates a mask array.
     *
     * @param m manager
     * @param mask {@code [B][T-1]} weights
     * @return a float32 {@code [B, T-1]} array
     */
    public static NDArray mask(ai.djl.ndarray.NDManager m, float[][] mask) {
        int b = mask.length;
        int t = mask[0].length;
        float[] flat = new float[b * t];
        for (int i = 0; i < b; i++) {
            System.arraycopy(mask[i], 0, flat, i * t, t);
        }
        return m.create(flat, new ai.djl.ndarray.types.Shape(b, t));
    }
}
