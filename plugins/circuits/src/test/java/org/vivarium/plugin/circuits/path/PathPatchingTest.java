package org.vivarium.plugin.circuits.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.circuits.Fixtures;
import org.vivarium.plugin.circuits.InductionHeads;
import org.vivarium.plugin.circuits.induction.RepeatedSequences;
import org.vivarium.plugin.circuits.patch.HeadSite;
import org.vivarium.testkit.TestRuntime;

/** Path patching on the trained induction fixture and on the same architecture with random weights. */
class PathPatchingTest {

    @Test
    void thePreviousTokenHeadActsThroughTheInductionHeadsKeys() {
        try (Model model = TestRuntime.shared().load(Fixtures.induction().resolve("checkpoint"))) {
            RepeatedSequences seqs = RepeatedSequences.random(model.config().dVocab(), 16, 16, 7);
            InductionHeads c = InductionHeads.of(model, seqs);
            assertFalse(c.induction().isEmpty(), "the fixture grew induction heads");
            PathPatcher pp = new PathPatcher(model, seqs.clean(), seqs.corrupted(), seqs.repeatLoss());
            List<HeadRef> prev = List.of(c.previousToken());
            double whole = pp.whole(prev) - pp.clean();
            double k = pp.patch(prev, c.induction(), HeadSite.K) - pp.clean();
            double q = pp.patch(prev, c.induction(), HeadSite.Q) - pp.clean();
            double v = pp.patch(prev, c.induction(), HeadSite.V) - pp.clean();
            System.out.printf("path rises from %s: whole %.3f, via K %.3f, Q %.3f, V %.3f (clean %.3f, corrupted"
                    + " %.3f)%n", c.previousToken(), whole, k, q, v, pp.clean(), pp.corrupted());
            assertTrue(k > 0.5, "corrupting only the keys' view of " + c.previousToken() + " raises the loss: " + k);
            assertTrue(k > 0.6 * whole, "the K path carries most of the head's effect: " + k + " of " + whole);
            assertTrue(k > 3 * Math.max(Math.abs(q), Math.abs(v)), "more than Q or V: " + k + " vs " + q + ", " + v);
        }
    }

    @Test
    void randomWeightsHaveNoSuchPath() {
        try (Model model = TestRuntime.shared().load(Fixtures.untrained().resolve("checkpoint"))) {
            RepeatedSequences seqs = RepeatedSequences.random(model.config().dVocab(), 16, 16, 7);
            PathPatcher pp = new PathPatcher(model, seqs.clean(), seqs.corrupted(), seqs.repeatLoss());
            double max = 0;
            for (int h = 0; h < model.config().nHeads(); h++) {
                double k = pp.patch(List.of(new HeadRef(0, h)), List.of(new HeadRef(1, 0), new HeadRef(1, 1),
                        new HeadRef(1, 2), new HeadRef(1, 3)), HeadSite.K) - pp.clean();
                max = Math.max(max, Math.abs(k));
            }
            assertTrue(max < 0.1, "no layer-0 head acts through layer-1 keys in an untrained model: " + max);
        }
    }

    @Test
    void aPathMustRunForwardThroughQueriesKeysOrValues() {
        try (Model model = TestRuntime.shared().load(Fixtures.untrained().resolve("checkpoint"))) {
            RepeatedSequences seqs = RepeatedSequences.random(model.config().dVocab(), 2, 8, 1);
            PathPatcher pp = new PathPatcher(model, seqs.clean(), seqs.corrupted(), seqs.repeatLoss());
            assertThrows(IllegalArgumentException.class,
                    () -> pp.patch(List.of(new HeadRef(1, 0)), List.of(new HeadRef(0, 1)), HeadSite.K));
            assertThrows(IllegalArgumentException.class,
                    () -> pp.patch(List.of(new HeadRef(0, 0)), List.of(new HeadRef(1, 1)), HeadSite.Z));
            PathPatcher same = new PathPatcher(model, seqs.clean(), seqs.clean(), seqs.repeatLoss());
            assertEquals(same.clean(), same.patch(List.of(new HeadRef(0, 0), new HeadRef(0, 2)),
                    List.of(new HeadRef(1, 1)), HeadSite.V), 1e-5, "patching a run into itself changes nothing");
        }
    }
}
