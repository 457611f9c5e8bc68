package org.vivarium.organisms.induction;

import java.util.List;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;

/** Mean next-token loss on the first and the repeated copy of two-copy sequences. */
final class PositionLoss {
    private PositionLoss() {
    }

    /**
     * Returns {first-copy loss, repeated-copy loss} in nats.
     *
     * @param model the model
     * @param tokens {@code [batch][2*half]}
     * @param half length of one copy
     * @param hooks hooks applied during the pass (e.g. an ablation)
     * @return two mean losses
     */
    static double[] firstAndRepeat(Model model, int[][] tokens, int half, List<Hook> hooks) {
        Tensor logits = model.runWithHooks(tokens, hooks);
        int vocab = logits.size(2);
        double first = 0;
        double repeat = 0;
        int nf = 0;
        int nr = 0;
        for (int b = 0; b < tokens.length; b++) {
            for (int p = 0; p < 2 * half - 1; p++) {
                float[] row = logits.row(b, p);
                double max = Double.NEGATIVE_INFINITY;
                for (float x : row) {
                    max = Math.max(max, x);
                }
                double z = 0;
                for (int i = 0; i < vocab; i++) {
                    z += Math.exp(row[i] - max);
                }
                double nll = -(row[tokens[b][p + 1]] - max - Math.log(z));
                if (p < half - 1) {
                    first += nll;
                    nf++;
                } else if (p >= half) {
                    repeat += nll;
                    nr++;
                }
            }
        }
        return new double[] {first / nf, repeat / nr};
    }
}
