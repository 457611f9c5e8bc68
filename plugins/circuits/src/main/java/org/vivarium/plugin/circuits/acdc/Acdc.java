package org.vivarium.plugin.circuits.acdc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vivarium.api.method.Progress;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.circuits.metric.Metric;

/**
 * ACDC (Conmy et al. 2023, Algorithm 1). Start from the full {@link CircuitGraph}; visit the receivers in reverse
 * topological order (the logits, then the last layer's heads, down to the first) and, for each edge into the
 * receiver, remove it (its receiver reads the corrupted value); keep it removed if the score rises by less than
 * {@code tau}, otherwise put it back. A receiver none of whose outgoing edges survived is outside the circuit, and
 * its incoming edges go without a test. Finally, edges out of a node that kept no incoming edge are dropped: such a
 * node reads only corrupted values, so its output is already the corrupted one.
 *
 * <pre>{@code
 * EdgePatchedForward f = new EdgePatchedForward(model, seqs.clean(), seqs.corrupted());
 * AcdcResult r = Acdc.run(f, new KlDivergence(cleanLogits, 17, 32), seqs.repeatLoss(), 0.05, progress);
 * }</pre>
 */
public final class Acdc {
    private Acdc() {
    }

    /**
     * Counts the progress steps of {@link #run}: one per edge, plus the clean, corrupted and final runs.
     *
     * @param graph the full graph
     * @return the step count
     */
    public static long steps(CircuitGraph graph) {
        return graph.edges().size() + 3L;
    }

    /**
     * Prunes the graph.
     *
     * @param f the edge-patched forward pass, bound to clean and corrupted inputs
     * @param score what the threshold applies to, higher = worse (e.g. {@link
     *     org.vivarium.plugin.circuits.metric.KlDivergence}, or a loss)
     * @param loss a task loss reported alongside (e.g. the in-context loss), lower = better
     * @param tau the threshold
     * @param progress advanced once per edge and per full run
     * @return the circuit and every decision
     */
    public static AcdcResult run(EdgePatchedForward f, Metric score, Metric loss, double tau, Progress progress) {
        CircuitGraph graph = CircuitGraph.of(f.config());
        Set<Edge> removed = new HashSet<>();
        Tensor clean = f.logits(removed);
        progress.advance(1);
        Tensor corrupted = f.logits(new HashSet<>(graph.edges()));
        progress.advance(1);
        double current = score.measure(clean);
        int passes = 2;
        List<AcdcResult.Decision> decisions = new ArrayList<>();
        for (Node r : graph.receiversReversed()) {
            boolean used = r.kind() == Node.Kind.OUTPUT || graph.edges().stream()
                    .anyMatch(x -> x.sender().equals(r) && !removed.contains(x));
            for (Edge x : graph.into(r)) {
                removed.add(x);
                progress.advance(1);
                if (!used) {
                    decisions.add(new AcdcResult.Decision(x, Double.NaN, false, true));
                    continue;
                }
                double s = score.measure(f.logits(removed));
                passes++;
                double change = s - current;
                if (change < tau) {
                    current = s;
                    decisions.add(new AcdcResult.Decision(x, change, false, false));
                } else {
                    removed.remove(x);
                    decisions.add(new AcdcResult.Decision(x, change, true, false));
                }
            }
        }
        Set<Edge> kept = new LinkedHashSet<>(graph.edges());
        kept.removeAll(removed);
        dropUnfed(graph, kept);
        Set<Edge> outside = new HashSet<>(graph.edges());
        outside.removeAll(kept);
        Tensor circuit = f.logits(outside);
        progress.advance(1);
        return new AcdcResult(score.describe(), loss.describe(), tau, graph, decisions, kept,
                new AcdcResult.Scores(score.measure(clean), score.measure(corrupted), score.measure(circuit)),
                new AcdcResult.Scores(loss.measure(clean), loss.measure(corrupted), loss.measure(circuit)),
                passes + 1);
    }

    private static void dropUnfed(CircuitGraph graph, Set<Edge> kept) {
        for (Node n : graph.nodes()) {
            if (n.kind() == Node.Kind.INPUT || n.kind() == Node.Kind.OUTPUT) {
                continue;
            }
            boolean fed = kept.stream().anyMatch(x -> x.receiver().equals(n));
            if (!fed) {
                kept.removeIf(x -> x.sender().equals(n));
            }
        }
    }
}
