package org.vivarium.plugin.circuits.acdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.circuits.Fixtures;
import org.vivarium.plugin.circuits.InductionHeads;
import org.vivarium.plugin.circuits.induction.RepeatedSequences;
import org.vivarium.plugin.circuits.metric.KlDivergence;
import org.vivarium.plugin.circuits.patch.HeadSite;
import org.vivarium.plugin.circuits.path.PathPatcher;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.TestFiles;
import org.vivarium.testkit.TestRuntime;

/** Edge patching and ACDC on the trained induction fixture and on random weights. */
class AcdcTest {
    /** The threshold the tests run ACDC at (KL, nats). */
    static final double TAU = 0.05;
    /** The fraction of the clean-vs-corrupted in-context loss gap the found circuit must keep. */
    static final double KEPT = 0.8;

    private static Progress progress() {
        return LocalMethodContext.in(TestFiles.scratchDir("acdc")).progress("acdc", -1, "edge");
    }

    private static double maxDiff(Tensor a, Tensor b) {
        double m = 0;
        for (int i = 0; i < a.numel(); i++) {
            m = Math.max(m, Math.abs(a.data()[i] - b.data()[i]));
        }
        return m;
    }

    @Test
    void removingEdgesInterpolatesBetweenTheCleanAndTheCorruptedRun() {
        try (Model model = TestRuntime.shared().load(Fixtures.induction().resolve("checkpoint"))) {
            RepeatedSequences seqs = RepeatedSequences.random(model.config().dVocab(), 8, 16, 3);
            EdgePatchedForward f = new EdgePatchedForward(model, seqs.clean(), seqs.corrupted());
            CircuitGraph g = CircuitGraph.of(model.config());
            assertEquals(9 + 12 + 60, g.edges().size(), "input->12 L0 inputs, 5 senders->12 L1 inputs, 9->logits");
            Tensor clean = model.runWithHooks(seqs.clean(), List.of());
            Tensor corrupted = model.runWithHooks(seqs.corrupted(), List.of());
            assertTrue(maxDiff(clean, f.logits(Set.of())) < 1e-4, "no edge removed is the clean run");
            double all = maxDiff(corrupted, f.logits(new HashSet<>(g.edges())));
            assertTrue(all < 2e-3, "every edge removed is the corrupted run (the recomputed LayerNorms and"
                    + " projections match the model's): " + all);

            InductionHeads c = InductionHeads.of(model, seqs);
            Set<Edge> keys = new HashSet<>();
            for (HeadRef r : c.induction()) {
                keys.add(new Edge(Node.head(0, c.previousToken().head()), Node.head(1, r.head()), Port.K));
            }
            PathPatcher pp = new PathPatcher(model, seqs.clean(), seqs.corrupted(), seqs.repeatLoss());
            double viaPath = pp.patch(List.of(c.previousToken()), c.induction(), HeadSite.K);
            double viaEdges = seqs.repeatLoss().measure(f.logits(keys));
            assertEquals(viaPath, viaEdges, 1e-3, "removing the previous-token head's K edges is path patching");
            assertTrue(viaEdges > pp.clean() + 0.5, "and it matters: " + viaEdges + " vs " + pp.clean());
        }
    }

    @Test
    void acdcFindsThePreviousTokenToInductionKeyEdge() {
        try (Model model = TestRuntime.shared().load(Fixtures.induction().resolve("checkpoint"))) {
            RepeatedSequences seqs = RepeatedSequences.random(model.config().dVocab(), 16, 16, 11);
            AcdcResult r = run(model, seqs);
            InductionHeads c = InductionHeads.of(model, seqs);
            String prev = "L0H" + c.previousToken().head() + "->";
            List<String> kEdges = r.kept().stream().map(Edge::id).filter(id -> id.startsWith(prev)
                    && id.endsWith(".k")).toList();
            System.out.printf("ACDC (tau %.3f): %d edges, keeps %.3f of the loss gap, KL %.4f; %s%n", TAU,
                    r.kept().size(), r.loss().kept(), r.score().circuit(), r.kept().stream().map(Edge::id).sorted()
                            .toList());
            assertFalse(kEdges.isEmpty(), "the circuit holds " + prev + "L1Hx.k: " + r.kept());
            for (String id : kEdges) {
                int h = Integer.parseInt(id.substring(id.indexOf("->L1H") + 5, id.length() - 2));
                assertTrue(c.induction().contains(new HeadRef(1, h)), id + " ends in an induction head "
                        + c.induction());
            }
            assertTrue(r.loss().kept() >= KEPT, "the circuit alone keeps >= " + KEPT + " of the gap: "
                    + r.loss().kept());
            assertTrue(r.kept().size() < r.graph().edges().size() / 2, "and is small: " + r.kept().size());
        }
    }

    @Test
    void randomWeightsGiveNoInductionCircuit() {
        try (Model model = TestRuntime.shared().load(Fixtures.untrained().resolve("checkpoint"))) {
            AcdcResult r = run(model, RepeatedSequences.random(model.config().dVocab(), 16, 16, 11));
            List<String> kEdges = r.kept().stream().map(Edge::id).filter(id -> id.startsWith("L0") && id.endsWith(".k"))
                    .toList();
            assertTrue(kEdges.isEmpty(), "no layer-0 head feeds layer-1 keys: " + r.kept());
        }
    }

    private static AcdcResult run(Model model, RepeatedSequences seqs) {
        EdgePatchedForward f = new EdgePatchedForward(model, seqs.clean(), seqs.corrupted());
        KlDivergence kl = new KlDivergence(model.runWithHooks(seqs.clean(), List.of()), seqs.half() + 1,
                2 * seqs.half());
        return Acdc.run(f, kl, seqs.repeatLoss(), TAU, progress());
    }
}
