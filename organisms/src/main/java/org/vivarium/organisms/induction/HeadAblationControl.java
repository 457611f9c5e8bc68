package org.vivarium.organisms.induction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.score.ClaimScorer.Check;

/**
 * The scorer's causal test of claimed heads in one layer: mean-ablating their outputs ({@code hook_z}) must raise
 * the loss on the repeated copy of the scorer's sequences by at least {@code minRise} nats, and mean-ablating as
 * many <i>other</i> heads of the same layer instead (up to {@value #CONTROLS} sets drawn at random with a fixed
 * seed) may raise it, in the median, by at most {@code maxRandomShare} of that. The median, not a single draw: a
 * trained organism can have a second layer-0 head that in-context copying needs as much as the previous-token
 * head (seed 1: mean-ablating L0H3, previous-token score 0.13, +1.40 nats; the previous-token head L0H1 +1.29), so
 * one random draw would refute a true claim by luck. Mean ablation (each entry set to its mean over the batch and
 * positions) keeps the head's average contribution, so a head cannot pass just because removing a constant offset
 * hurts.
 *
 * @param model the audited model
 * @param tokens the scorer's two-copy sequences {@code [batch][2*half]}
 * @param half length of one copy
 * @param minRise the card's minimum rise of the repeat loss, in nats
 * @param maxRandomShare the random control may rise by at most this share of the claimed heads' rise
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
        if (others.isEmpty()) {
            return Check.fail("the claim names every layer-" + layer + " head, so no other head is left as a random"
                    + " control for the ablation");
        }
        double clean = repeatLoss(List.of());
        double rise = repeatLoss(List.of(Hook.meanAblate(HookName.attn(layer, "z")).onHeads(claimed))) - clean;
        List<int[]> controls = draw(others, claimed.length);
        double[] rises = new double[controls.size()];
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < rises.length; i++) {
            rises[i] = repeatLoss(List.of(Hook.meanAblate(HookName.attn(layer, "z")).onHeads(controls.get(i))))
                    - clean;
            shown.add(String.format(Locale.ROOT, "%s %+.3f", labels(layer, controls.get(i)), rises[i]));
        }
        double median = median(rises);
        boolean ok = rise >= minRise && median <= maxRandomShare * rise;
        return new Check(ok, String.format(Locale.ROOT, "mean-ablating %s raises the repeat loss on %d scorer-held-out"
                + " sequences by %+.3f nats (%.3f -> %.3f; need >= %.2f); mean-ablating random other layer-%d heads"
                + " instead: %s, median %+.3f (may be at most %.0f%% of the claimed rise)", labels(layer, claimed),
                tokens.length, rise, clean, clean + rise, minRise, layer, String.join(", ", shown), median,
                100 * maxRandomShare));
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
