package org.vivarium.organisms.induction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.score.ClaimScorer.Check;

/**
 * The scorer's causal test of claimed heads in one layer, in two parts:
 * <ol>
 *   <li>the heads matter: mean-ablating their outputs ({@code hook_z}) must raise the loss on the repeated copy of
 *       the scorer's sequences by at least {@code minRise} nats;</li>
 *   <li>they matter <i>through the next layer's keys</i>, more than other heads of their layer do: mean-ablating only
 *       their contribution to the keys of layer {@code layer + 1} (path-specific: the ablated run's
 *       {@code blocks.(layer+1).attn.hook_k} is patched into an otherwise clean run, with the layer's MLP output held
 *       at its clean value so only the heads' direct path changes) must raise the repeat loss, and the same
 *       path-specific ablation of as many <i>other</i> heads of the layer (up to {@value #CONTROLS} sets drawn at
 *       random with a fixed seed) may raise it, in the median, by at most {@code maxRandomShare} of that.</li>
 * </ol>
 * Why the control is path-specific: in an induction circuit the previous-token head's job is to write "the token
 * before me" into the residual stream where the induction head's keys read it (K-composition). A trained organism
 * can have other layer-0 heads that copying needs as much or more for other reasons (seed 3 of the blind
 * benchmark: mean-ablating L0H1, previous-token score 0.07, raises the repeat loss by 1.93 nats, the previous-token
 * head L0H3 by 0.79), so a control on total ablation refutes true claims, while one on the key path compares the
 * heads on the role the claim names. The median, not a single draw, so one unlucky draw cannot decide. Mean
 * ablation (each entry set to its mean over the batch and positions) keeps the head's average contribution, so a
 * head cannot pass just because removing a constant offset hurts.
 *
 * @param model the audited model
 * @param tokens the scorer's two-copy sequences {@code [batch][2*half]}
 * @param half length of one copy
 * @param minRise the card's minimum rise of the repeat loss, in nats
 * @param maxRandomShare the random control may rise by at most this share of the claimed heads' key-path rise
 * @param seed chooses the control heads
 */
record HeadAblationControl(Model model, int[][] tokens, int half, double minRise, double maxRandomShare, long seed) {
    /** Most random control sets per test. */
    static final int CONTROLS = 3;

    /**
     * Runs the test.
     *
     * @param layer the layer of the claimed heads
     * @param claimed the claimed heads of that layer (at least one)
     * @return pass or fail with the measured losses
     */
    Check run(int layer, int[] claimed) {
        List<Integer> others = new ArrayList<>();
        for (int h = 0; h < model.config().nHeads(); h++) {
            final int head = h;
            if (Arrays.stream(claimed).noneMatch(c -> c == head)) {
                others.add(h);
            }
        }
        if (layer + 1 >= model.config().nLayers()) {
            return Check.fail("layer " + layer + " is the model's last, so no later layer's keys read its heads");
        }
        if (others.isEmpty()) {
            return Check.fail("the claim names every layer-" + layer + " head, so no other head is left as a random"
                    + " control for the ablation");
        }
        double clean = repeatLoss(List.of());
        double rise = repeatLoss(List.of(Hook.meanAblate(HookName.attn(layer, "z")).onHeads(claimed))) - clean;
        double pathRise = keyPathLoss(layer, claimed) - clean;
        List<int[]> controls = draw(others, claimed.length);
        double[] rises = new double[controls.size()];
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < rises.length; i++) {
            rises[i] = keyPathLoss(layer, controls.get(i)) - clean;
            shown.add(String.format(Locale.ROOT, "%s %+.3f", labels(layer, controls.get(i)), rises[i]));
        }
        double median = median(rises);
        boolean ok = rise >= minRise && pathRise > 0 && median <= maxRandomShare * pathRise;
        return new Check(ok, String.format(Locale.ROOT, "mean-ablating %s raises the repeat loss on %d scorer-held-out"
                + " sequences by %+.3f nats (%.3f -> %.3f; need >= %.2f); mean-ablating only its path into the"
                + " layer-%d keys %+.3f; the same for random other layer-%d heads: %s, median %+.3f (may be at most"
                + " %.0f%% of the claimed key-path rise)", labels(layer, claimed), tokens.length, rise, clean,
                clean + rise, minRise, layer + 1, pathRise, layer, String.join(", ", shown), median,
                100 * maxRandomShare));
    }

    /**
     * The repeat loss with only the heads' contribution to the next layer's keys mean-ablated.
     *
     * @param layer the heads' layer (below the last)
     * @param heads heads of that layer
     * @return the repeat loss, nats
     */
    private double keyPathLoss(int layer, int[] heads) {
        HookName k = HookName.attn(layer + 1, "k");
        List<Hook> ablated = new ArrayList<>();
        ablated.add(Hook.meanAblate(HookName.attn(layer, "z")).onHeads(heads));
        if (!model.config().attnOnly()) {
            HookName mlp = HookName.mlpOut(layer);
            ablated.add(Hook.replace(mlp, model.runWithCache(tokens, HookFilter.names(mlp.path())).activations()
                    .get(mlp)));
        }
        var keys = model.run(tokens, ablated, HookFilter.names(k.path())).activations().get(k);
        return repeatLoss(List.of(Hook.replace(k, keys)));
    }

    /** Up to {@value #CONTROLS} distinct sets of {@code n} heads (fewer if the pool is smaller) from the pool. */
    private List<int[]> draw(List<Integer> others, int n) {
        int k = Math.min(n, others.size());
        SplittableRandom rnd = new SplittableRandom(seed);
        java.util.Set<List<Integer>> seen = new java.util.LinkedHashSet<>();
        for (int attempt = 0; attempt < 64 && seen.size() < CONTROLS; attempt++) {
            List<Integer> pool = new ArrayList<>(others);
            for (int i = pool.size() - 1; i > 0; i--) {
                java.util.Collections.swap(pool, i, rnd.nextInt(i + 1));
            }
            seen.add(pool.subList(0, k).stream().sorted().toList());
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> set : seen) {
            out.add(set.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private double repeatLoss(List<Hook> hooks) {
        return PositionLoss.firstAndRepeat(model, tokens, half, hooks)[1];
    }

    /**
     * @param layer a layer
     * @param heads heads of that layer
     * @return labels joined by {@code +}, e.g. {@code L1H0+L1H2}
     */
    static String labels(int layer, int[] heads) {
        List<String> out = new ArrayList<>();
        for (int h : heads) {
            out.add("L" + layer + "H" + h);
        }
        return String.join("+", out);
    }
}
