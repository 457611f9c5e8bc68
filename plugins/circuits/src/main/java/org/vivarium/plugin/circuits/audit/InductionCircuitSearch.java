package org.vivarium.plugin.circuits.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.audit.Split;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.AblationMode;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.plugin.circuits.composition.CompositionKind;
import org.vivarium.plugin.circuits.composition.CompositionScores;
import org.vivarium.plugin.circuits.induction.RepeatedSequences;
import org.vivarium.plugin.circuits.metric.SpanLoss;
import org.vivarium.plugin.circuits.patch.HeadAblation;
import org.vivarium.plugin.circuits.patch.HeadPatching;

/**
 * Finds an induction circuit on repeated random tokens, choosing on the validation sequences and reporting on the
 * test sequences:
 * <ol>
 *   <li>Induction heads: heads in layers {@code >= 1} ranked by how much resample-patching their output from
 *       {@code B A} raises the in-context loss; the smallest top set whose joint zero-ablation raises it by
 *       {@link #SELECT_EFFECT} (heads often share the work, so one alone may not suffice).</li>
 *   <li>Previous-token heads: among heads in layers below the first induction head's that attend to the previous
 *       token, ranked by their path effect into the induction heads' keys ({@link PreviousTokenChoice}); the
 *       smallest top set whose joint zero-ablation raises the loss as above.</li>
 *   <li>K-composition from the first previous-token head to the first induction head, from the weights alone, as
 *       independent evidence of the mechanism.</li>
 * </ol>
 */
public final class InductionCircuitSearch {
    /** Number of repeated sequences drawn (split 2:1:1 into fit, validation and test by {@link Split}). */
    public static final int SEQUENCES = 64;
    /** Longest repeated block. */
    public static final int MAX_HALF = 16;
    /** Seed of the sequences. */
    public static final long SEED = 14;
    /** Largest head set considered per role. */
    public static final int MAX_SET = 4;
    /** Validation rise (nats) a head set is grown to: twice {@link InductionCircuit#MIN_EFFECT}. */
    public static final double SELECT_EFFECT = 2 * InductionCircuit.MIN_EFFECT;

    private InductionCircuitSearch() {
    }

    /**
     * Draws the auditor's sequences for a model: blocks of {@code min(16, n_ctx / 2)} tokens from its vocabulary.
     *
     * @param cfg the model
     * @param vocab the tokenizer's vocabulary size
     * @return {@link #SEQUENCES} sequences
     */
    public static RepeatedSequences sequences(ModelConfig cfg, int vocab) {
        return RepeatedSequences.random(Math.min(vocab, cfg.dVocab()), SEQUENCES, Math.min(MAX_HALF, cfg.nCtx() / 2),
                SEED);
    }

    /**
     * Runs the search.
     *
     * @param model a model with at least two layers
     * @param seqs the sequences
     * @param split how they are split
     * @param comp composition scores of the model
     * @param progress advanced once per measured part (validation, test)
     * @return the circuit, chosen on validation, measured on test
     */
    public static InductionCircuit run(Model model, RepeatedSequences seqs, Split split, CompositionScores comp,
            Progress progress) {
        ModelConfig cfg = model.config();
        RepeatedSequences val = seqs.rows(split.validationIdx());
        RepeatedSequences test = seqs.rows(split.testIdx());
        PartMeasures v = PartMeasures.of(model, val);
        List<HeadRef> ind = smallestSet(model, val, v, ranked(v.patchEffect(), 1, cfg.nLayers()));
        PreviousTokenChoice choice = PreviousTokenChoice.of(model, val, v, ind);
        List<HeadRef> prev = smallestSet(model, val, v, choice.ranked());
        double vPrev = rise(model, val, v, prev);
        double vInd = rise(model, val, v, ind);
        progress.advance(1);
        PartMeasures t = PartMeasures.of(model, test);
        List<HeadRef> all = new ArrayList<>(prev);
        all.addAll(ind);
        SpanLoss repeat = test.repeatLoss();
        double allZero = HeadAblation.together(model, test.clean(), repeat, all, AblationMode.ZERO) - t.repeatLoss();
        double allMean = HeadAblation.together(model, test.clean(), repeat, all, AblationMode.MEAN) - t.repeatLoss();
        double allPatch = HeadPatching.together(model, test.clean(), test.corrupted(), repeat, all) - t.repeatLoss();
        double tPrev = rise(model, test, t, prev);
        double tInd = rise(model, test, t, ind);
        progress.advance(1);
        HeadRef p = prev.get(0);
        HeadRef i = ind.get(0);
        double k = comp.score(CompositionKind.K, p, i);
        int rank = 1;
        for (int l = 0; l < i.layer(); l++) {
            for (int h = 0; h < cfg.nHeads(); h++) {
                if (comp.score(CompositionKind.K, new HeadRef(l, h), i) > k) {
                    rank++;
                }
            }
        }
        return new InductionCircuit(prev, ind, v, t, choice, vPrev, vInd, tPrev, tInd, allZero, allMean, allPatch, k,
                rank,
                comp.score(CompositionKind.Q, p, i), comp.score(CompositionKind.V, p, i), comp.baselineMean(),
                comp.baselineSd());
    }

    /** Heads of layers {@code [from, to)}, highest score first. */
    static List<HeadRef> ranked(double[][] score, int from, int to) {
        List<HeadRef> out = new ArrayList<>();
        for (int l = from; l < to; l++) {
            for (int h = 0; h < score[l].length; h++) {
                out.add(new HeadRef(l, h));
            }
        }
        out.sort(Comparator.comparingDouble((HeadRef h) -> -score[h.layer()][h.head()]));
        return out;
    }

    /**
     * The shortest prefix of {@code ranked} (at most {@link #MAX_SET} heads) whose joint zero-ablation raises the loss
     * by {@link #SELECT_EFFECT}, a margin over what the claims need so that the test part and the scorer's own
     * sequences are not decided by noise; failing that, the shortest reaching {@link InductionCircuit#MIN_EFFECT};
     * failing that, the top head alone.
     */
    private static List<HeadRef> smallestSet(Model model, RepeatedSequences seqs, PartMeasures m,
            List<HeadRef> ranked) {
        int max = Math.min(MAX_SET, ranked.size());
        double[] rises = new double[max + 1];
        for (int n = 1; n <= max; n++) {
            rises[n] = rise(model, seqs, m, ranked.subList(0, n));
            if (rises[n] >= SELECT_EFFECT) {
                return List.copyOf(ranked.subList(0, n));
            }
        }
        for (int n = 1; n <= max; n++) {
            if (rises[n] >= InductionCircuit.MIN_EFFECT) {
                return List.copyOf(ranked.subList(0, n));
            }
        }
        return List.of(ranked.get(0));
    }

    private static double rise(Model model, RepeatedSequences seqs, PartMeasures m, List<HeadRef> heads) {
        if (heads.size() == 1) {
            return m.effect(heads.get(0));
        }
        return HeadAblation.together(model, seqs.clean(), seqs.repeatLoss(), heads, AblationMode.ZERO)
                - m.repeatLoss();
    }

    /** A progress sink for inner loops whose progress is counted by the caller. */
    static final Progress NO_PROGRESS = new Progress() {
        @Override
        public void advance(long units) {
            // counted by the caller
        }

        @Override
        public void metric(String name, double value) {
            // not shown
        }

        @Override
        public void close() {
            // nothing to finish
        }
    };
}
