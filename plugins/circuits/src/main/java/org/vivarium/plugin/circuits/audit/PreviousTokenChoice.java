package org.vivarium.plugin.circuits.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.plugin.circuits.induction.RepeatedSequences;
import org.vivarium.plugin.circuits.patch.HeadSite;
import org.vivarium.plugin.circuits.path.PathPatcher;
import org.vivarium.api.model.Model;

/**
 * Ranks the previous-token head candidates the way a researcher would, from the auditor's own validation
 * measurements: the heads below the induction heads whose attention to the previous token reaches
 * {@link InductionCircuit#MIN_ATTENTION}, ranked by their path-specific effect, i.e. how much the repeat loss rises
 * when only their output as read by the induction heads' <i>keys</i> is resample-patched from {@code B A}
 * ({@link PathPatcher}, K-composition measured causally). A head's total ablation effect is not used to rank: a
 * layer-0 head that copying needs for another reason (e.g. as a positional or token signal) can outrank the head
 * that shifts the previous token into the keys (seeds 2 and 3 of the induction organism). If no head attends back
 * that much, every head below is ranked by the same path effect (the claim then fails its own attention test).
 *
 * @param ranked candidates, largest path effect first
 * @param pathRise {@code [layer][head]} rise of the repeat loss (nats) with only that head's path into the induction
 *     heads' keys patched; 0 where not measured
 */
public record PreviousTokenChoice(List<HeadRef> ranked, double[][] pathRise) {

    /** Copies the list. */
    public PreviousTokenChoice {
        ranked = List.copyOf(ranked);
    }

    /**
     * Measures and ranks on one part of the sequences.
     *
     * @param model the model
     * @param seqs the validation sequences
     * @param m their measures (previous-token attention)
     * @param induction the induction heads already chosen (receivers)
     * @return the ranked candidates
     */
    public static PreviousTokenChoice of(Model model, RepeatedSequences seqs, PartMeasures m,
            List<HeadRef> induction) {
        int first = induction.stream().mapToInt(HeadRef::layer).min().orElse(1);
        int heads = model.config().nHeads();
        double[][] prev = m.attention().previousToken();
        List<HeadRef> all = new ArrayList<>();
        List<HeadRef> attending = new ArrayList<>();
        for (int l = 0; l < first; l++) {
            for (int h = 0; h < heads; h++) {
                all.add(new HeadRef(l, h));
                if (prev[l][h] >= InductionCircuit.MIN_ATTENTION) {
                    attending.add(new HeadRef(l, h));
                }
            }
        }
        List<HeadRef> candidates = attending.isEmpty() ? all : attending;
        PathPatcher pp = new PathPatcher(model, seqs.clean(), seqs.corrupted(), seqs.repeatLoss());
        double[][] rise = new double[model.config().nLayers()][heads];
        for (HeadRef s : candidates) {
            rise[s.layer()][s.head()] = pp.patch(List.of(s), induction, HeadSite.K) - pp.clean();
        }
        List<HeadRef> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble((HeadRef h) -> -rise[h.layer()][h.head()]));
        return new PreviousTokenChoice(ranked, rise);
    }

    /**
     * @param h a head
     * @return its path effect into the induction heads' keys (nats)
     */
    public double pathRise(HeadRef h) {
        return pathRise[h.layer()][h.head()];
    }
}
