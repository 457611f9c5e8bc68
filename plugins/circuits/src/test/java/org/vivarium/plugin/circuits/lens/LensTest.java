package org.vivarium.plugin.circuits.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.circuits.Fixtures;
import org.vivarium.plugin.circuits.induction.RepeatedSequences;
import org.vivarium.plugin.circuits.math.LogProbs;
import org.vivarium.testkit.TestRuntime;

/** The logit lens and direct logit attribution on the trained induction fixture. */
class LensTest {
    private static Model model;
    private static Map<String, Tensor> weights;
    private static RepeatedSequences seqs;

    @BeforeAll
    static void load() {
        model = TestRuntime.shared().load(Fixtures.induction().resolve("checkpoint"));
        weights = model.weights();
        seqs = RepeatedSequences.random(model.config().dVocab(), 8, 16, 9);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theLensFinalRowIsTheModelAndCopyingAppearsOnlyAfterLayerOne() {
        int[] tokens = seqs.clean()[0];
        LensResult lens = LogitLens.run(model, weights, tokens, -1, tokens[16], 5);
        assertEquals(List.of("before L0", "before L1", "final"), lens.rows());
        Tensor logits = model.runWithHooks(new int[][] {tokens}, List.of());
        for (int p = 0; p < tokens.length - 1; p++) {
            assertEquals(LogProbs.of(logits, 0, p, tokens[p + 1]), lens.nextLogProb()[2][p], 1e-3, "position " + p);
        }
        assertTrue(Double.isNaN(lens.nextLogProb()[2][tokens.length - 1]), "the last position has no next token");
        double before = 0;
        double fin = 0;
        for (int p = 17; p < 31; p++) {
            before += lens.nextLogProb()[1][p] / 14;
            fin += lens.nextLogProb()[2][p] / 14;
        }
        assertTrue(fin > before + 1, "layer 1 does the copying: mean log p(next) on the repeat " + before + " -> " + fin);
        assertEquals(5, lens.top().get(2).size());
        for (int r = 0; r < 3; r++) {
            assertTrue(lens.answerRank()[r] >= 1 && lens.answerRank()[r] <= model.config().dVocab());
            assertTrue(lens.answerLogProb()[r] <= 0);
        }
        assertTrue(lens.top().get(2).get(0).prob() >= lens.top().get(2).get(1).prob(), "top tokens are sorted");
    }

    @Test
    void attributionsAddUpToTheLogitDifferenceAndTheInductionLayerWritesTheCopy() {
        int q = 30;
        int answer = seqs.clean()[0][q + 1];
        int wrong = firstAbsent(seqs.clean()[0]);
        DlaResult dla = DirectLogitAttribution.run(model, weights, new int[][] {seqs.clean()[0]}, q, answer, wrong,
                "copy vs absent");
        assertTrue(dla.frozenScale(), "pre-LN: the final LayerNorm scale is frozen");
        assertEquals(dla.actual(), dla.sum(), 1e-3 * Math.max(1, Math.abs(dla.actual())),
                "components plus biases reproduce the logit difference");
        assertTrue(dla.actual() > 2, "the model predicts the copied token: " + dla.actual());
        assertEquals(0, dla.mlp().length, "attention-only");
        assertTrue(dla.attention(1) > dla.attention(0) && dla.attention(1) > dla.embed(),
                "layer 1 writes most of the copy: L0 " + dla.attention(0) + ", L1 " + dla.attention(1) + ", embed "
                        + dla.embed());

        DlaResult batch = DirectLogitAttribution.run(model, weights, seqs.clean(), -1, answer, -1, "one logit");
        assertEquals(batch.actual(), batch.sum(), 1e-3 * Math.max(1, Math.abs(batch.actual())),
                "also for a batch and a single logit");
    }

    private static int firstAbsent(int[] tokens) {
        for (int t = 0; ; t++) {
            boolean seen = false;
            for (int x : tokens) {
                seen |= x == t;
            }
            if (!seen) {
                return t;
            }
        }
    }
}
