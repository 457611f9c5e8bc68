package org.vivarium.plugin.lorainterp.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.model.Activations;
import org.vivarium.api.model.HookName;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.lorainterp.pass.Corpus;
import org.vivarium.plugin.lorainterp.pass.HookVectors;
import org.vivarium.plugin.lorainterp.pass.PromptRunner;

/**
 * Accumulates the contrastive mean difference at a set of hooks: each prompt contributes the mean of its
 * vectors over all positions, and the difference is (mean over positive prompts) minus (mean over negative
 * prompts). Unlabelled prompts are ignored.
 */
public final class ContrastMeans implements PromptRunner.Visitor {
    private final Corpus corpus;
    private final List<HookName> hooks;
    private final Map<String, double[]> positive = new LinkedHashMap<>();
    private final Map<String, double[]> negative = new LinkedHashMap<>();
    private int positives;
    private int negatives;

    /**
     * Creates an empty accumulator.
     *
     * @param corpus the prompts with their labels
     * @param hooks the hooks to average
     */
    public ContrastMeans(Corpus corpus, List<HookName> hooks) {
        this.corpus = corpus;
        this.hooks = List.copyOf(hooks);
    }

    @Override
    public void visit(int prompt, Activations acts, int row) {
        int label = corpus.label(prompt);
        if (label == Corpus.UNLABELLED) {
            return;
        }
        Map<String, double[]> sums = label == Corpus.POSITIVE ? positive : negative;
        for (HookName h : hooks) {
            Tensor t = acts.get(h);
            int len = t.size(1);
            double[] sum = sums.computeIfAbsent(h.path(), k -> new double[HookVectors.width(t)]);
            for (int p = 0; p < len; p++) {
                float[] x = HookVectors.at(t, row, p);
                for (int i = 0; i < x.length; i++) {
                    sum[i] += x[i] / (double) len;
                }
            }
        }
        if (label == Corpus.POSITIVE) {
            positives++;
        } else {
            negatives++;
        }
    }

    /**
     * Returns the mean differences.
     *
     * @return hook path to (mean positive - mean negative); empty unless both classes were seen
     */
    public Map<String, double[]> differences() {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (positives == 0 || negatives == 0) {
            return out;
        }
        for (HookName h : hooks) {
            double[] p = positive.get(h.path());
            double[] n = negative.get(h.path());
            double[] d = new double[p.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = p[i] / positives - n[i] / negatives;
            }
            out.put(h.path(), d);
        }
        return out;
    }
}
