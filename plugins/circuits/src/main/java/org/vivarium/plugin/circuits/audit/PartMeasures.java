package org.vivarium.plugin.circuits.audit;

import java.util.List;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.model.AblationMode;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.circuits.induction.AttentionScores;
import org.vivarium.plugin.circuits.induction.RepeatedSequences;
import org.vivarium.plugin.circuits.metric.SpanLoss;
import org.vivarium.plugin.circuits.patch.ActivationPatcher;
import org.vivarium.plugin.circuits.patch.HeadAblation;
import org.vivarium.plugin.circuits.patch.HeadSite;
import org.vivarium.plugin.circuits.patch.PatchDirection;
import org.vivarium.plugin.circuits.patch.PatchResult;

/**
 * What the auditor measures on one part (validation or test) of its repeated sequences.
 *
 * @param n number of sequences
 * @param firstLoss loss on the first copy (nothing to copy from), nats
 * @param repeatLoss in-context loss on the repeat, nats
 * @param zeroEffect {@code [layer][head]} rise of the repeat loss when that head is zero-ablated
 * @param patchEffect {@code [layer][head]} rise of the repeat loss when that head's output ({@code hook_z}) is patched
 *     from the corrupted run {@code B A} into the clean run {@code A A} (noising, i.e. resample ablation)
 * @param attention previous-token and induction attention scores
 */
public record PartMeasures(int n, double firstLoss, double repeatLoss, double[][] zeroEffect, double[][] patchEffect,
        AttentionScores attention) {

    /**
     * Measures one part.
     *
     * @param model the model
     * @param seqs the part's sequences
     * @return the measures
     */
    public static PartMeasures of(Model model, RepeatedSequences seqs) {
        SpanLoss repeat = seqs.repeatLoss();
        double base = repeat.measure(model.runWithHooks(seqs.clean(), List.of()));
        double first = seqs.firstLoss().measure(model.runWithHooks(seqs.clean(), List.of()));
        double[][] effect = HeadAblation.each(model, seqs.clean(), repeat, AblationMode.ZERO);
        for (double[] row : effect) {
            for (int h = 0; h < row.length; h++) {
                row[h] -= base;
            }
        }
        PatchResult noised = new ActivationPatcher(model, seqs.clean(), seqs.corrupted(), repeat)
                .run(PatchDirection.NOISING, List.of(), List.of(HeadSite.Z), InductionCircuitSearch.NO_PROGRESS);
        double[][] patch = noised.byHead().get(HeadSite.Z);
        for (double[] row : patch) {
            for (int h = 0; h < row.length; h++) {
                row[h] -= base;
            }
        }
        return new PartMeasures(seqs.size(), first, base, effect, patch, AttentionScores.measure(model, seqs));
    }

    /** @return first-copy loss minus repeat loss: how much the model learns in context */
    public double inContextGain() {
        return firstLoss - repeatLoss;
    }

    /**
     * @param h a head
     * @return its zero-ablation effect
     */
    public double effect(HeadRef h) {
        return zeroEffect[h.layer()][h.head()];
    }
}
