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
     * Mean loss over a subset of target positions (e.g. only the second half of a repeated sequence).
     *
     * @param logits {@code [B, T, V]}
     * @param tokens {@code [B, T]} int64
     * @param fromTarget first target index (0 = predicting token 1)
     * @return scalar loss
     */
    public static NDArray meanFrom(NDArray logits, NDArray tokens, int fromTarget) {
        return perToken(logits, tokens).get(new NDIndex(":, {}:", fromTarget)).mean();
    }
}
