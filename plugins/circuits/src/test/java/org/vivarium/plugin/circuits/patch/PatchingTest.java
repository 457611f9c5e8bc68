package org.vivarium.plugin.circuits.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.AblationMode;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.circuits.Fixtures;
import org.vivarium.plugin.circuits.induction.AttentionScores;
import org.vivarium.plugin.circuits.induction.RepeatedSequences;
import org.vivarium.plugin.circuits.math.Correlation;
import org.vivarium.plugin.circuits.metric.SpanLoss;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestRuntime;
import org.vivarium.testkit.TestFiles;

/** Activation patching on the trained induction fixture, against head ablation. */
class PatchingTest {
    private static Model model;
    private static RepeatedSequences seqs;
    private static SpanLoss repeat;
    private static double clean;
    private static List<HeadRef> inductionHeads;

    @BeforeAll
    static void load() {
        model = TestRuntime.shared().load(Fixtures.induction().resolve("checkpoint"));
        seqs = RepeatedSequences.random(model.config().dVocab(), 16, 16, 5);
        repeat = seqs.repeatLoss();
        clean = repeat.measure(model.runWithHooks(seqs.clean(), List.of()));
        AttentionScores att = AttentionScores.measure(model, seqs);
        inductionHeads = new ArrayList<>();
        for (int h = 0; h < model.config().nHeads(); h++) {
            if (att.induction()[1][h] >= 0.3) {
                inductionHeads.add(new HeadRef(1, h));
            }
        }
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static Progress progress() {
        return LocalMethodContext.in(TestFiles.scratchDir("p")).progress("patching", -1, "pass");
    }

    @Test
    void noisingTheHeadsReproducesTheirAblationEffectOnInContextLoss() {
        PatchResult r = new ActivationPatcher(model, seqs.clean(), seqs.corrupted(), repeat)
                .run(PatchDirection.NOISING, List.of(), List.of(HeadSite.Z), progress());
        assertEquals(clean, r.clean(), 1e-9);
        assertTrue(r.corrupted() > clean + 2, "B A leaves nothing to copy: " + r.corrupted() + " vs " + clean);
        double[][] patched = r.byHead().get(HeadSite.Z);
        double[][] ablated = HeadAblation.each(model, seqs.clean(), repeat, AblationMode.ZERO);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int l = 0; l < patched.length; l++) {
            for (int h = 0; h < patched[l].length; h++) {
                xs.add(patched[l][h] - clean);
                ys.add(ablated[l][h] - clean);
            }
        }
        double corr = pearson(xs, ys);
        assertTrue(corr > 0.8, "per-head patch and ablation rises agree: r = " + corr + " " + xs + " " + ys);

        assertFalse(inductionHeads.isEmpty(), "the fixture grew induction heads");
        double patchRise = HeadPatching.together(model, seqs.clean(), seqs.corrupted(), repeat, inductionHeads) - clean;
        double zeroRise = HeadAblation.together(model, seqs.clean(), repeat, inductionHeads, AblationMode.ZERO) - clean;
        assertTrue(zeroRise > 0.5, "ablating the induction heads " + inductionHeads + " raises the loss: " + zeroRise);
        assertTrue(patchRise > 0.5 && patchRise < 3 * zeroRise && zeroRise < 3 * patchRise,
                "patching them from B A does the same: " + patchRise + " vs ablation " + zeroRise);

        HeadRef one = inductionHeads.get(0);
        assertEquals(patched[one.layer()][one.head()],
                HeadPatching.together(model, seqs.clean(), seqs.corrupted(), repeat, List.of(one)), 1e-6,
                "single-site and set patching agree");
    }

    @Test
    void denoisingRestoresCopyingOnlyWhereTheInputsDiffer() {
        PatchResult r = new ActivationPatcher(model, seqs.clean(), seqs.corrupted(), repeat)
                .run(PatchDirection.DENOISING, List.of(PositionSite.RESID_PRE, PositionSite.ATTN_OUT,
                        PositionSite.MLP_OUT), List.of(HeadSite.Z, HeadSite.PATTERN), progress());
        assertFalse(r.byPosition().containsKey(PositionSite.MLP_OUT), "an attention-only model has no MLP sites");
        double[][] resid = r.normalized(r.byPosition().get(PositionSite.RESID_PRE));
        assertEquals(2, resid.length);
        assertEquals(32, resid[0].length);
        double firstHalf = 0;
        for (int p = 0; p < 16; p++) {
            firstHalf += resid[0][p];
        }
        for (int p = 16; p < 32; p++) {
            assertEquals(0, resid[0][p], 1e-6, "position " + p + " holds the same token in both inputs");
        }
        assertTrue(firstHalf > 0.05, "restoring the first copy's tokens one at a time restores copying: " + firstHalf);
        double restored = r.normalized(HeadPatching.together(model, seqs.corrupted(), seqs.clean(), repeat,
                inductionHeads));
        assertTrue(restored > 0.3, "clean induction-head outputs restore in-context loss in the corrupted run: "
                + restored);
        assertEquals(2, r.byHead().get(HeadSite.PATTERN).length);
    }

    @Test
    void inputsOfDifferentShapesAreRefused() {
        VivariumException e = assertThrows(VivariumException.class,
                () -> new ActivationPatcher(model, new int[][] {{1, 2, 3}}, new int[][] {{1, 2}}, repeat));
        assertTrue(e.getMessage().contains("same shape"), e.getMessage());
    }

    static double pearson(List<Double> x, List<Double> y) {
        return Correlation.pearson(x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
